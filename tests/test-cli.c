/* test-cli.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The command line modes, run as a user runs them: the real program (from
 * GLOSSARY_PROGRAM) in the tests directory, with its output and exit status
 * checked exactly.
 */
#include "config.h"

#include <locale.h>

#include "gls-search.h"
#include "gls-test-util.h"

typedef struct
{
  int   status;
  char *out;
  char *err;
} Run;

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs the program with @first_arg and the arguments after it, up to NULL. */
G_GNUC_NULL_TERMINATED
static void
run_program (Run        *run,
             const char *first_arg,
             ...)
{
  const char *program = g_getenv ("GLOSSARY_PROGRAM");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) subprocess = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = g_test_build_filename (G_TEST_DIST, ".", NULL);
  va_list args;

  g_assert_nonnull (program);
  g_ptr_array_add (argv, (char *) program);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_set_cwd (launcher, directory);
  subprocess = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata,
                                             &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (subprocess, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_subprocess_wait (subprocess, NULL, &error);
  g_assert_no_error (error);

  /* A crash is never an answer. */
  g_assert_true (g_subprocess_get_if_exited (subprocess));
  run->status = g_subprocess_get_exit_status (subprocess);
}

static void
assert_lines_fit (const char *text,
                  guint       width)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_utf8_strlen (lines[i], -1) > (glong) width)
        g_error ("line %u is wider than %u columns: %s", i + 1, width, lines[i]);
    }
}

static void
test_lookup (void)
{
  g_auto(Run) run = { 0 };

  run_program (&run, "--lookup", "ces", "data/lookup.xml", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==,
                   "Customer Effort Score (CES, CES 2.0)\n"
                   "Also called: Effort Score, Ease Score\n"
                   "Category: Metrics, Research & Feedback\n"
                   "\n"
                   "1. A survey metric of how easy it was for a customer to get what they came for,\n"
                   "such as an answer, a refund or a fixed fault, usually asked right after the\n"
                   "interaction on a scale from “very difficult” to “very easy”.\n"
                   "\n"
                   "2. In research on loyalty, the finding that reducing effort keeps more customers\n"
                   "than delighting them does.\n"
                   "\n"
                   "See also: Net Promoter Score, First Contact Resolution\n");
  /* One line is exactly 80 columns wide: the limit, not past it. */
  assert_lines_fit (run.out, 80);
}

static void
test_lookup_plain_term (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) by_alias = { 0 };

  /* No abbreviation, alias or related term: no line for them. */
  run_program (&run, "--lookup", "Churn Rate", "data/lookup.xml", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==,
                   "Churn Rate\n"
                   "Category: Metrics\n"
                   "\n"
                   "The share of customers lost over a period.\n");

  /* An alias finds its term. */
  run_program (&by_alias, "--lookup", "ease score", "data/lookup.xml", NULL);
  g_assert_cmpint (by_alias.status, ==, 0);
  g_assert_true (g_str_has_prefix (by_alias.out, "Customer Effort Score (CES, CES 2.0)\n"));
}

static void
test_lookup_no_match (void)
{
  g_auto(Run) run = { 0 };

  run_program (&run, "--lookup", "xyz", "data/lookup.xml", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "No term matches “xyz”.\n");
}

static void
test_lookup_typo (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) several = { 0 };

  run_program (&run, "--lookup", "chrun", "data/lookup.xml", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "No term matches “chrun”.\nDid you mean: Churn Rate?\n");

  run_program (&several, "--lookup", "agnet", "data/search.xml", NULL);
  g_assert_cmpint (several.status, ==, 1);
  g_assert_cmpstr (several.err, ==, "No term matches “agnet”.\nDid you mean: Agent, Agent Assist?\n");
}

static void
test_lookup_bundled (void)
{
  const char *queries[] = { "csat", "omnichannel", "churn", "customer journey" };
  g_auto(Run) run = { 0 };

  /* Without FILE, the glossary that comes with the program. */
  run_program (&run, "--lookup", "NPS", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "Net Promoter Score"));
  assert_lines_fit (run.out, 80);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      g_auto(Run) other = { 0 };

      run_program (&other, "--lookup", queries[i], NULL);
      g_assert_cmpint (other.status, ==, 0);
      g_assert_cmpstr (other.err, ==, "");
      assert_lines_fit (other.out, 80);
    }
}

static void
test_search (void)
{
  g_auto(Run) run = { 0 };

  /* Ranked, best first; typos are no matches. */
  run_program (&run, "--search", "chat", "data/search.xml", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==,
                   "Live Chat\n"
                   "Chatbot\n"
                   "Chatbot Escalation\n"
                   "Proactive Chat\n"
                   "Webchat Widget\n"
                   "Agent\n"
                   "Omnichannel\n");
}

static void
test_search_limit (void)
{
  g_auto(Run) run = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsGlossary) bundled = gls_load_bundled (&error);
  g_autoptr(GlsSearchResults) results = NULL;
  g_autoptr(GString) expected = g_string_new (NULL);

  /* The bundled glossary has more than twenty terms about customers: the
   * twenty best are printed, in the order of the search.
   */
  g_assert_no_error (error);
  results = gls_search (bundled, "customer", NULL, NULL);
  g_assert_cmpuint (gls_search_results_get_n_matches (results), >, 20);
  for (guint i = 0; i < 20; i++)
    {
      guint position = gls_search_results_get_position (results, i);

      g_string_append_printf (expected, "%s\n",
                              gls_term_get_name (gls_glossary_get_term (bundled, position)));
    }

  run_program (&run, "--search", "customer", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, expected->str);
}

static void
test_search_no_match (void)
{
  g_auto(Run) run = { 0 };

  run_program (&run, "--search", "chrun", "data/search.xml", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "No term matches “chrun”.\nDid you mean: Churn Rate?\n");
}

static void
test_validate_valid (void)
{
  g_auto(Run) run = { 0 };

  run_program (&run, "--validate", "data/small.xml", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "data/small.xml: valid, 8 terms\n");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_validate_invalid (void)
{
  g_auto(Run) run = { 0 };

  /* Every problem, in the form editors parse, with FILE as given. */
  run_program (&run, "--validate", "data/invalid-structure.xml", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==,
                   "data/invalid-structure.xml:5:3: error: term “no-name” has no <name>\n"
                   "data/invalid-structure.xml:9:5: error: <name> is empty\n"
                   "data/invalid-structure.xml:15:5: error: unexpected element <example> in <term>\n");
}

static void
test_validate_strict (void)
{
  g_auto(Run) validate = { 0 };
  g_auto(Run) lookup = { 0 };

  /* References that lead nowhere are errors to --validate ... */
  run_program (&validate, "--validate", "./data/invalid-references.xml", NULL);
  g_assert_cmpint (validate.status, ==, 1);
  g_assert_cmpstr (validate.out, ==, "");
  g_assert_cmpstr (validate.err, ==,
                   "./data/invalid-references.xml:8:64: error: reference to a missing term "
                   "“retention”\n"
                   "./data/invalid-references.xml:9:5: error: term “churn-rate” is related to "
                   "itself\n"
                   "./data/invalid-references.xml:10:5: error: reference to a missing term "
                   "“customer-loyalty”\n");

  /* ... while a lookup reads the file, without the links. */
  run_program (&lookup, "--lookup", "churn", "data/invalid-references.xml", NULL);
  g_assert_cmpint (lookup.status, ==, 0);
  g_assert_cmpstr (lookup.out, ==, "Churn Rate\n\nThe share of customers lost over a period; see "
                                   "retention.\n");
}

static void
test_validate_not_well_formed (void)
{
  g_auto(Run) run = { 0 };

  run_program (&run, "--validate", "data/invalid-not-well-formed.xml", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==,
                   "data/invalid-not-well-formed.xml:5:27: error: Opening and ending tag mismatch: "
                   "name line 5 and nam\n");
}

static void
test_validate_several (void)
{
  g_auto(Run) run = { 0 };

  /* One bad file makes the whole check fail; each file is reported. */
  run_program (&run, "--validate", "data/small.xml", "data/invalid-not-well-formed.xml",
               "./data/minimal.xml", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==,
                   "data/small.xml: valid, 8 terms\n"
                   "./data/minimal.xml: valid, 1 term\n");
  g_assert_cmpstr (run.err, ==,
                   "data/invalid-not-well-formed.xml:5:27: error: Opening and ending tag mismatch: "
                   "name line 5 and nam\n");
}

static void
test_validate_missing_file (void)
{
  g_auto(Run) run = { 0 };
  g_auto(Run) no_file = { 0 };

  run_program (&run, "--validate", "data/no-such-file.xml", "data/minimal.xml", NULL);
  g_assert_cmpint (run.status, ==, 1);
  g_assert_cmpstr (run.out, ==, "data/minimal.xml: valid, 1 term\n");
  g_assert_true (g_str_has_prefix (run.err, "data/no-such-file.xml: error: "));
  g_assert_true (g_str_has_suffix (run.err, ": No such file or directory\n"));
  g_assert_true (strchr (run.err, '\n') == run.err + strlen (run.err) - 1);

  run_program (&no_file, "--validate", NULL);
  g_assert_cmpint (no_file.status, ==, 2);
  g_assert_cmpstr (no_file.out, ==, "");
  g_assert_cmpstr (no_file.err, ==, "--validate needs at least one FILE\n");
}

static void
test_lookup_bad_file (void)
{
  g_auto(Run) missing = { 0 };
  g_auto(Run) invalid = { 0 };

  run_program (&missing, "--lookup", "nps", "data/no-such-file.xml", NULL);
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_cmpstr (missing.out, ==, "");
  g_assert_nonnull (strstr (missing.err, "no-such-file.xml"));
  g_assert_true (g_str_has_suffix (missing.err, ": No such file or directory\n"));

  /* The first problem, where it is. */
  run_program (&invalid, "--search", "name", "data/invalid-structure.xml", NULL);
  g_assert_cmpint (invalid.status, ==, 2);
  g_assert_cmpstr (invalid.out, ==, "");
  g_assert_cmpstr (invalid.err, ==,
                   "data/invalid-structure.xml:5:3: term “no-name” has no <name>\n");
}

static void
test_version (void)
{
  g_auto(Run) run = { 0 };

  run_program (&run, "--version", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.out, ==, "glossary " PACKAGE_VERSION "\n");
  g_assert_cmpstr (run.err, ==, "");
}

static void
test_help (void)
{
  g_auto(Run) run = { 0 };

  run_program (&run, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_true (g_str_has_prefix (run.out, "Usage:\n  glossary [OPTION…]"));
  g_assert_nonnull (strstr (run.out, "--lookup=QUERY"));
  g_assert_nonnull (strstr (run.out, "--search=QUERY"));
  g_assert_nonnull (strstr (run.out, "--validate"));
  g_assert_nonnull (strstr (run.out, "--version"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gls_loader_init ();

  g_test_add_func ("/gls/cli/lookup", test_lookup);
  g_test_add_func ("/gls/cli/lookup-plain-term", test_lookup_plain_term);
  g_test_add_func ("/gls/cli/lookup-no-match", test_lookup_no_match);
  g_test_add_func ("/gls/cli/lookup-typo", test_lookup_typo);
  g_test_add_func ("/gls/cli/lookup-bundled", test_lookup_bundled);
  g_test_add_func ("/gls/cli/lookup-bad-file", test_lookup_bad_file);
  g_test_add_func ("/gls/cli/search", test_search);
  g_test_add_func ("/gls/cli/search-limit", test_search_limit);
  g_test_add_func ("/gls/cli/search-no-match", test_search_no_match);
  g_test_add_func ("/gls/cli/validate-valid", test_validate_valid);
  g_test_add_func ("/gls/cli/validate-invalid", test_validate_invalid);
  g_test_add_func ("/gls/cli/validate-strict", test_validate_strict);
  g_test_add_func ("/gls/cli/validate-not-well-formed", test_validate_not_well_formed);
  g_test_add_func ("/gls/cli/validate-several", test_validate_several);
  g_test_add_func ("/gls/cli/validate-missing-file", test_validate_missing_file);
  g_test_add_func ("/gls/cli/version", test_version);
  g_test_add_func ("/gls/cli/help", test_help);

  return g_test_run ();
}
