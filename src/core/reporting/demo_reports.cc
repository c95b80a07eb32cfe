#include "core/reporting/demo_reports.h"

namespace regie::core {

ReportPeriod LastCompletedPeriod(Date today) {
  // The half-year that contains today has not ended: take the one before.
  if (today.month() <= 6) return ReportPeriod{.year = today.year() - 1, .half = 2};
  return ReportPeriod{.year = today.year(), .half = 1};
}

std::vector<ReportNarrative> DemoReportNarratives(const std::string& municipality,
                                                  const ReportPeriod& period,
                                                  int64_t partner_organisation_id,
                                                  const std::string& partner_name) {
  const std::string id = period.ToString();
  auto text = [&](ReportSection s, int64_t org, std::string t) {
    return ReportNarrative{
        .period = id, .section = s, .organisation_id = org, .version = 1, .text = std::move(t)};
  };
  std::vector<ReportNarrative> out = {
      text(ReportSection::kResultaatafspraken, 0,
           "De meeste afspraken liggen op koers. Bij de participatieverklaring zien we dat "
           "mensen die later in het halfjaar zijn gehuisvest nog binnen hun termijn zitten; zij "
           "tellen pas in de volgende rapportage mee.\n\nBij betaald werk blijven we achter op het "
           "doel. Het interval is breed omdat de groepen klein zijn: de cijfers zeggen nog weinig "
           "over de trend."),
      text(ReportSection::kWatGaatGoed, 0,
           "De samenwerking tussen de gemeente, Vluchtelingenwerk en de GGD loopt goed. Iedereen "
           "werkt in hetzelfde plan.\n\nDe taalcafés in de bibliotheek trekken elke week meer "
           "mensen. Er zijn nieuwe taalmaatjes bijgekomen."),
      text(ReportSection::kWatKanBeter, 0,
           "Het duurt te lang voordat mensen een werkervaringsplaats vinden. Verbeterpunt: vanaf "
           "het volgende halfjaar maakt de werkcoach binnen 6 weken na de intake een "
           "arbeidsprofiel.\n\nDe overdracht van medische dossiers vanuit het AZC is niet altijd "
           "op tijd. We maken hierover afspraken met het COA."),
      text(ReportSection::kNetwerkpartners, 0,
           "In " + municipality +
               " werken de netwerkpartners samen in het sociaal team. Hieronder vertellen zij "
               "zelf hoe het ging."),
      text(ReportSection::kNieuweInitiatieven, 0,
           "Er is een koppelproject gestart tussen statushouders en sportverenigingen. Ook is "
           "een spreekuur over geldzaken begonnen in het wijkcentrum."),
      text(ReportSection::kActiviteiten, 0,
           "Dit halfjaar: intakes met alle nieuwe huishoudens, workshops over de "
           "participatieverklaring, een voorlichting over het Nederlandse onderwijs voor ouders "
           "en twee netwerkbijeenkomsten met de partners."),
      text(ReportSection::kTrends, 0,
           "Er komen meer nareizigers. Zij hebben vaak een ander begin: het gezin is al gehuisvest "
           "en de inburgering start later. We volgen dit de komende periode."),
  };
  if (partner_organisation_id != 0)
    out.push_back(text(ReportSection::kNetwerkpartners, partner_organisation_id,
                       partner_name +
                           ": de gezondheidsintakes zijn bijna allemaal binnen vier maanden "
                           "gedaan. Wel zien we meer vragen over psychische klachten; we "
                           "verwijzen vaker door naar de huisarts."));
  return out;
}

}  // namespace regie::core
