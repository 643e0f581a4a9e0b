/* gls-cli.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit status of the command line modes when a file cannot be used. */
#define GLS_CLI_EXIT_FAILURE 2

int  gls_cli_lookup   (const char         *query,
                       const char         *path,
                       GString            *out,
                       GString            *err);
int  gls_cli_search   (const char         *query,
                       const char         *path,
                       GString            *out,
                       GString            *err);
int  gls_cli_validate (const char * const *paths,
                       GString            *out,
                       GString            *err);
void gls_cli_wrap     (GString            *out,
                       const char         *text,
                       guint               width);

G_END_DECLS
