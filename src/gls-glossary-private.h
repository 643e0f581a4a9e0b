/* gls-glossary-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gls-glossary.h"
#include "gls-search-index.h"

G_BEGIN_DECLS

typedef struct
{
  char *title;
  char *description;
  char *version;
  char *license;
  char *language;
} GlsGlossaryHeader;

void         gls_glossary_header_clear      (GlsGlossaryHeader *header);

/*
 * Takes ownership of everything.  @terms are in file order and their ids are
 * unique; every category id a term names is in @categories, and every related
 * id and reference resolves (the loader drops or refuses the others).
 */
GlsGlossary *_gls_glossary_new              (GlsGlossaryHeader *header,
                                             GFile             *file,
                                             GPtrArray         *categories,
                                             GPtrArray         *terms,
                                             GHashTable        *terms_by_id) G_GNUC_WARN_UNUSED_RESULT;

const GlsSearchIndex *_gls_glossary_get_search_index (GlsGlossary *self);

G_END_DECLS
