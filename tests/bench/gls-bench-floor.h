/* gls-bench-floor.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean gls_bench_read_floor  (const char *data,
                                gsize       size);
gboolean gls_bench_parse_floor (const char *data,
                                gsize       size,
                                gsize       chunk_size);

G_END_DECLS
