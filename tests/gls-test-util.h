/* gls-test-util.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gls-loader.h"

G_BEGIN_DECLS

/* The path of a fixture in tests/data/. */
char        *gls_test_data_path   (const char *name) G_GNUC_WARN_UNUSED_RESULT;

/* Loads a fixture, failing the test if it does not load. */
GlsGlossary *gls_test_load        (const char *name) G_GNUC_WARN_UNUSED_RESULT;

/* Loads @xml as if it were a file called "test.xml". */
GlsGlossary *gls_test_load_string (const char    *xml,
                                   GlsLoadFlags   flags,
                                   GPtrArray    **diagnostics,
                                   GError       **error) G_GNUC_WARN_UNUSED_RESULT;

/* The names of @model's items, joined by ", ". */
char        *gls_test_names       (GListModel *model) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
