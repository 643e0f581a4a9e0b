/* gls-term-builder.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gls-search-index.h"
#include "gls-term-private.h"

G_BEGIN_DECLS

/* Everything the term builder made, for a glossary to take over. */
typedef struct
{
  GPtrArray      *terms;            /* GlsTerm, in file order */
  GlsSearchIndex *search_index;     /* all but what depends on the order */
  GHashTable     *terms_by_id;      /* id -> GlsTerm, unowned */
} GlsBuiltTerms;

void gls_built_terms_clear (GlsBuiltTerms *built);

typedef struct _GlsTermBuilder GlsTermBuilder;

GlsTermBuilder *gls_term_builder_new       (void) G_GNUC_WARN_UNUSED_RESULT;
void            gls_term_builder_add       (GlsTermBuilder *builder,
                                            GlsTermData    *data);
GPtrArray      *gls_term_builder_get_terms (GlsTermBuilder *builder);
const guint32  *gls_term_builder_get_order (GlsTermBuilder *builder);
void            gls_term_builder_finish    (GlsTermBuilder *builder,
                                            GlsBuiltTerms  *built);

G_END_DECLS
