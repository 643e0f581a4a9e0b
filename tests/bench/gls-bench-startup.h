/* gls-bench-startup.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int gls_bench_startup       (char **arguments);
int gls_bench_startup_child (char **arguments);

G_END_DECLS
