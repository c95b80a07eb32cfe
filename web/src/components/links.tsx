// Utrecht links that navigate inside the app instead of reloading the page.
import { ButtonLink, Link } from '@utrecht/component-library-react';
import type { ButtonLinkProps, LinkProps } from '@utrecht/component-library-react';
import { followInApp } from '../router/router';

type WithHref<P> = P & { href: string };

export function AppLink({ href, onClick, ...rest }: WithHref<LinkProps>) {
  return (
    <Link
      {...rest}
      href={href}
      onClick={(event) => {
        onClick?.(event);
        followInApp(event, href);
      }}
    />
  );
}

export function AppButtonLink({ href, onClick, ...rest }: WithHref<ButtonLinkProps>) {
  return (
    <ButtonLink
      {...rest}
      href={href}
      onClick={(event) => {
        onClick?.(event);
        followInApp(event, href);
      }}
    />
  );
}
