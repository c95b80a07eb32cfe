#pragma once

#include "core/indicators/suppress.h"
#include "core/stats/kaplan_meier.h"

// How a Kaplan-Meier curve leaves the case team (the beleid role, exports,
// the report). Every step of an exact curve is a count: its drop times the
// number at risk is the number of events that day, so a curve of a small
// cohort shows single persons and the day their event happened.
namespace regie::core::indicators {

// The exact curve (suppress false: the case team), or as published:
//  - withheld (no points, n "<5") for a group of fewer than 5 persons;
//  - points only at the end of a whole week (day 0, 7, 14, ...), each with
//    the survival and band of the last step in that week;
//  - a point only once at least 5 events happened since the previous one
//    (weeks with fewer are merged into the next point), so no drop stands
//    for fewer than 5 persons;
//  - ending before the first step with fewer than 5 persons at risk;
//  - the median and its limits rounded up to whole weeks, and left out when
//    they fall after the last point shown.
ShownCurve PublishCurve(const stats::KmCurve& curve, bool suppress);

}  // namespace regie::core::indicators
