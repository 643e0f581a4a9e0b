/* gls-bench-window.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int gls_bench_window (char **arguments);

G_END_DECLS
