import { useCallback, useState } from 'react';
import { EventsSection } from './EventsSection';
import { MilestoneTimeline } from './MilestoneTimeline';

/**
 * The inburgering part of the person page: the milestone timeline and the
 * events it follows from. Recording or voiding an event reloads the timeline;
 * so does a change of `revision` (an assessment recorded as an event too).
 */
export function PersonPolicy({
  tenantId,
  personId,
  canRecord,
  revision: outside = 0,
}: {
  tenantId: number;
  personId: number;
  canRecord: boolean;
  revision?: number;
}) {
  const [revision, setRevision] = useState(0);
  const changed = useCallback(() => setRevision((r) => r + 1), []);
  return (
    <>
      <MilestoneTimeline tenantId={tenantId} personId={personId} revision={revision + outside} />
      <EventsSection
        tenantId={tenantId}
        personId={personId}
        canRecord={canRecord}
        onChanged={changed}
        revision={outside}
      />
    </>
  );
}
