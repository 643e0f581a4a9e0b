/* gls-glossary-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gls-glossary.h"
#include "gls-search-index.h"
#include "gls-term-builder.h"

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
 * Takes over the header, @categories and @builder (finishing it).  The
 * terms' ids are unique; every category id a term names is in @categories, and
 * every related id and reference resolves: the loader drops or refuses the
 * others.  @edges holds a (referring, referred) pair of term ordinals for
 * each related id and inline reference to another term.
 */
GlsGlossary *_gls_glossary_new              (GlsGlossaryHeader *header,
                                             GFile             *file,
                                             GPtrArray         *categories,
                                             GlsTermBuilder    *builder,
                                             GArray            *edges) G_GNUC_WARN_UNUSED_RESULT;

const GlsSearchIndex *_gls_glossary_get_search_index (GlsGlossary *self);

G_END_DECLS
