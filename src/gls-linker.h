/* gls-linker.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gls-glossary.h"

G_BEGIN_DECLS

/* The scheme of links to terms in the markup the linker writes. */
#define GLS_TERM_URI_SCHEME "term:"

typedef enum
{
  GLS_LINK_REFERENCE,   /* an inline <ref> of the file */
  GLS_LINK_MENTION,     /* another term's name or alias in the text */
  GLS_LINK_WEB,         /* an http or https address in the text */
} GlsLinkKind;

typedef struct
{
  guint        start;
  guint        end;
  GlsLinkKind  kind;
  const char  *target;  /* a term id, or the address; owned by the term */
} GlsLink;

GArray *gls_linker_find_links      (GlsGlossary *glossary,
                                    GlsTerm     *term,
                                    guint        definition,
                                    GHashTable  *linked) G_GNUC_WARN_UNUSED_RESULT;
char   *gls_linker_markup          (GlsGlossary *glossary,
                                    GlsTerm     *term,
                                    guint        definition,
                                    GHashTable  *linked) G_GNUC_WARN_UNUSED_RESULT;
char   *gls_linker_term_uri        (GlsTerm     *term) G_GNUC_WARN_UNUSED_RESULT;
const char *gls_linker_uri_get_term_id (const char *uri);

G_END_DECLS
