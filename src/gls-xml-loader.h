/* gls-xml-loader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gls-loader.h"

G_BEGIN_DECLS

/* The bytes handed to libxml2's parser at a time. */
#define GLS_XML_LOADER_CHUNK_SIZE (64 * 1024)

void         gls_xml_loader_init (void);

/* Takes @bytes, and lets them go once every position in them is known. */
GlsGlossary *gls_xml_load        (GBytes               *bytes,
                                  const char           *display_name,
                                  GFile                *file,
                                  GlsLoadFlags          flags,
                                  GPtrArray            *diagnostics,
                                  GlsLoadProgressFunc   progress,
                                  gpointer              progress_data,
                                  GCancellable         *cancellable,
                                  GError              **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
