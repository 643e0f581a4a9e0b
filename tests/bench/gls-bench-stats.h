/* gls-bench-stats.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Times are GArrays of double milliseconds. */
GArray *gls_bench_sorted_copy (GArray *times) G_GNUC_WARN_UNUSED_RESULT;
double  gls_bench_percentile  (GArray *sorted,
                               double  fraction);

G_END_DECLS
