/* gls-test-corpus.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gls-loader.h"

G_BEGIN_DECLS

/* What loading a file of the corpus gives, as tests/data/bad/expected.tsv says. */
typedef struct
{
  gboolean      ok;
  guint         n_terms;
  GlsLoadError  code;
  guint         line;      /* 0: the error names no position */
  guint         column;    /* 0: any column */
  char         *text;      /* a part of the first error's message */
} GlsTestOutcome;

typedef struct
{
  char           *name;    /* as the manifest says it */
  char           *path;    /* the file to open */
  GlsTestOutcome  outcome;
  GlsTestOutcome  strict;  /* of --validate */
} GlsTestCase;

typedef struct
{
  char      *directory;    /* scratch, in the build folder */
  char      *secret;       /* a token that no output may show */
  char      *secret_uri;
  GSocket   *listener;     /* on loopback; no load may connect to it */
  char      *listener_address;
  GPtrArray *cases;        /* of GlsTestCase */
  GPtrArray *texts;        /* of GStrv: file, what, text */
} GlsTestCorpus;

GlsTestCorpus *gls_test_corpus_new               (void) G_GNUC_WARN_UNUSED_RESULT;
void           gls_test_corpus_free              (GlsTestCorpus       *corpus);

/* The names of the files in tests/data/bad/, sorted. */
GPtrArray     *gls_test_corpus_list_directory    (void) G_GNUC_WARN_UNUSED_RESULT;

/* Accepts what connected to the listener; returns how many did. */
guint          gls_test_corpus_count_connections (GlsTestCorpus       *corpus);

/* Fails the test if @text holds the secret. */
void           gls_test_corpus_assert_no_secret  (GlsTestCorpus       *corpus,
                                                  const char          *text);

/* Checks that the first error of @diagnostics and @error are what @outcome
 * says, for a file loaded as @display_name.
 */
void           gls_test_assert_failure           (const GlsTestOutcome *outcome,
                                                  const char           *display_name,
                                                  GPtrArray            *diagnostics,
                                                  const GError         *error);

/* Checks that @glossary is what @outcome says and holds, byte for byte, the
 * texts that tests/data/bad/expected-text.tsv lists for the case; returns
 * how many texts it checked.
 */
guint          gls_test_assert_loaded            (GlsTestCorpus        *corpus,
                                                  const GlsTestCase    *test_case,
                                                  const GlsTestOutcome *outcome,
                                                  GlsGlossary          *glossary);

/* Every string that @glossary holds, joined, to look for the secret in. */
char          *gls_test_glossary_dump            (GlsGlossary          *glossary) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (GlsTestCorpus, gls_test_corpus_free)

G_END_DECLS
