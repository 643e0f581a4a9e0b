/* gls-loader.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gls-glossary.h"

G_BEGIN_DECLS

/* The largest file a loader reads: larger files are refused unread.  A
 * glossary of a million terms takes about 1 GiB.
 */
#define GLS_LOAD_MAX_SIZE ((gsize) 3 << 29)

/* The namespace of the native format, version 1. */
#define GLS_NAMESPACE "https://cxglossary.github.io/ns/glossary/1"

#define GLS_LOAD_ERROR (gls_load_error_quark ())

typedef enum
{
  GLS_LOAD_ERROR_TOO_LARGE,
  GLS_LOAD_ERROR_NOT_WELL_FORMED,
  GLS_LOAD_ERROR_FORBIDDEN,
  GLS_LOAD_ERROR_NOT_GLOSSARY,
  GLS_LOAD_ERROR_INVALID,
  GLS_LOAD_ERROR_DUPLICATE_ID,
  GLS_LOAD_ERROR_UNKNOWN_CATEGORY,
  GLS_LOAD_ERROR_MISSING_TERM,
} GlsLoadError;

typedef enum
{
  GLS_LOAD_FLAGS_NONE = 0,
  /* References to missing terms and terms related to themselves are errors
   * instead of warnings (the file is checked, not just read).
   */
  GLS_LOAD_STRICT = 1 << 0,
} GlsLoadFlags;

typedef enum
{
  GLS_SEVERITY_ERROR,
  GLS_SEVERITY_WARNING,
} GlsSeverity;

/* One problem found in a file; line and column count from 1, 0 if unknown. */
typedef struct
{
  GlsSeverity  severity;
  GlsLoadError code;
  guint        line;
  guint        column;
  char        *message;
} GlsDiagnostic;

typedef void (*GlsLoadProgressFunc) (guint64  done,
                                     guint64  total,
                                     gpointer user_data);

GQuark       gls_load_error_quark  (void);

void         gls_loader_init       (void);

GBytes      *gls_read_file         (GFile                *file,
                                    gsize                 max_size,
                                    GCancellable         *cancellable,
                                    GError              **error) G_GNUC_WARN_UNUSED_RESULT;

GlsGlossary *gls_load_bytes        (GBytes               *bytes,
                                    const char           *display_name,
                                    GFile                *file,
                                    GlsLoadFlags          flags,
                                    GPtrArray           **diagnostics,
                                    GlsLoadProgressFunc   progress,
                                    gpointer              progress_data,
                                    GCancellable         *cancellable,
                                    GError              **error) G_GNUC_WARN_UNUSED_RESULT;

GlsGlossary *gls_load_file         (GFile                *file,
                                    const char           *display_name,
                                    GlsLoadFlags          flags,
                                    GPtrArray           **diagnostics,
                                    GlsLoadProgressFunc   progress,
                                    gpointer              progress_data,
                                    GCancellable         *cancellable,
                                    GError              **error) G_GNUC_WARN_UNUSED_RESULT;

GFile       *gls_bundled_file      (void) G_GNUC_WARN_UNUSED_RESULT;
GlsGlossary *gls_load_bundled      (GError              **error) G_GNUC_WARN_UNUSED_RESULT;
void         gls_preload_bundled   (void);
void         gls_preload_drop      (void);

char        *gls_diagnostic_format (const GlsDiagnostic  *diagnostic,
                                    const char           *display_name,
                                    gboolean              with_severity) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
