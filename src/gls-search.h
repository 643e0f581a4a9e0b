/* gls-search.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gls-glossary.h"

G_BEGIN_DECLS

/*
 * How a term matched a query, best first.  Folding makes case, accents,
 * hyphens, spaces and punctuation not matter.
 */
typedef enum
{
  GLS_MATCH_ALL = 0,          /* the query was empty */
  GLS_MATCH_EXACT,            /* the name, an abbreviation or an alias */
  GLS_MATCH_PREFIX,           /* the start of one of those */
  GLS_MATCH_WORDS,            /* each query word starts a word of the name or an alias */
  GLS_MATCH_SUBSTRING,        /* inside the name or an alias */
  GLS_MATCH_DEFINITION,       /* each query word starts a word of a definition */
  GLS_MATCH_TYPO,             /* the name or an alias, but for a typo or two */
} GlsMatchTier;

/* A range of bytes [start, end) in a text. */
typedef struct
{
  guint start;
  guint end;
} GlsRange;

typedef struct _GlsSearchResults GlsSearchResults;

GlsSearchResults *gls_search                         (GlsGlossary      *glossary,
                                                      const char       *query,
                                                      GlsSearchResults *previous,
                                                      GCancellable     *cancellable) G_GNUC_WARN_UNUSED_RESULT;

GlsSearchResults *gls_search_results_ref             (GlsSearchResults *results);
gboolean          gls_search_results_answer          (GlsSearchResults *results,
                                                      const char       *query);
void              gls_search_results_unref           (GlsSearchResults *results);
GlsGlossary      *gls_search_results_get_glossary    (GlsSearchResults *results);
const char       *gls_search_results_get_query       (GlsSearchResults *results);
guint             gls_search_results_get_n_results   (GlsSearchResults *results);
guint             gls_search_results_get_n_matches   (GlsSearchResults *results);
guint             gls_search_results_get_position    (GlsSearchResults *results,
                                                      guint             index);
GlsMatchTier      gls_search_results_get_tier        (GlsSearchResults *results,
                                                      guint             index);

GArray           *gls_search_match_name              (const char       *query,
                                                      const char       *text) G_GNUC_WARN_UNUSED_RESULT;
GArray           *gls_search_match_words             (const char       *query,
                                                      const char       *text) G_GNUC_WARN_UNUSED_RESULT;
char             *gls_search_snippet                 (const char       *query,
                                                      const char       *text,
                                                      guint             max_chars,
                                                      GArray          **ranges) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlsSearchResults, gls_search_results_unref)

G_END_DECLS
