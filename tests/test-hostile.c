/* test-hostile.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Hostile and broken files: each file of tests/data/bad/ gives what its
 * manifest says, loaded here and checked by `glossary --validate` in a child
 * process whose peak memory is measured.  None may read the secret file that
 * some of them point at, nor connect to the listener that others point at.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "gls-test-corpus.h"

/* The bounds of the issue, per file. */
#define MAX_PEAK_RSS_KIB (200 * 1000 * 1000 / 1024)
/* Only turns a hang into a failure: the time taken is reported, not tested. */
#define WATCHDOG_SECONDS 30

static GlsTestCorpus *corpus;

/* The worst of the corpus, reported at the end. */
static double slowest_seconds;
static char *slowest_name;
static glong largest_rss_kib;
static char *largest_name;

static void
test_manifest (void)
{
  g_autoptr(GPtrArray) files = gls_test_corpus_list_directory ();
  g_autoptr(GHashTable) listed = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_files = 0;

  for (guint i = 0; i < corpus->cases->len; i++)
    {
      GlsTestCase *test_case = g_ptr_array_index (corpus->cases, i);

      g_assert_true (g_hash_table_add (listed, test_case->name));
    }

  /* Every file has its line, and every line that is no generated file its file. */
  for (guint i = 0; i < files->len; i++)
    {
      const char *name = g_ptr_array_index (files, i);

      if (g_str_has_suffix (name, ".tsv"))
        continue;
      if (!g_hash_table_contains (listed, name))
        g_error ("tests/data/bad/%s is missing from expected.tsv", name);
      n_files++;
    }
  for (guint i = 0; i < corpus->cases->len; i++)
    {
      GlsTestCase *test_case = g_ptr_array_index (corpus->cases, i);

      g_assert_true (g_file_test (test_case->path, G_FILE_TEST_EXISTS));
    }
  g_assert_cmpuint (corpus->cases->len, >=, 40);
  g_test_message ("%u cases: %u files and %u made at test time", corpus->cases->len, n_files,
                  corpus->cases->len - n_files);

  /* Every text to check belongs to a case that loads. */
  for (guint i = 0; i < corpus->texts->len; i++)
    {
      GStrv row = g_ptr_array_index (corpus->texts, i);
      gboolean found = FALSE;

      for (guint j = 0; j < corpus->cases->len; j++)
        {
          GlsTestCase *test_case = g_ptr_array_index (corpus->cases, j);

          if (g_str_equal (test_case->name, row[0]))
            {
              g_assert_true (test_case->outcome.ok);
              found = TRUE;
            }
        }
      g_assert_true (found);
    }
}

/* Loads the file here, as the window and --lookup do. */
static void
test_load (gconstpointer data)
{
  const GlsTestCase *test_case = data;
  g_autoptr(GFile) file = g_file_new_for_path (test_case->path);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GlsGlossary) glossary = NULL;

  glossary = gls_load_file (file, test_case->name, GLS_LOAD_FLAGS_NONE, &diagnostics, NULL, NULL,
                            NULL, &error);

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      const GlsDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

      gls_test_corpus_assert_no_secret (corpus, diagnostic->message);
    }

  if (test_case->outcome.ok)
    {
      g_autofree char *dump = NULL;
      guint n_texts;

      g_assert_no_error (error);
      n_texts = gls_test_assert_loaded (corpus, test_case, &test_case->outcome, glossary);
      dump = gls_test_glossary_dump (glossary);
      gls_test_corpus_assert_no_secret (corpus, dump);
      g_test_message ("%s: loads, %u texts checked byte for byte", test_case->name, n_texts);
      g_assert_finalize_object (g_steal_pointer (&glossary));
    }
  else
    {
      g_assert_null (glossary);
      gls_test_corpus_assert_no_secret (corpus, error->message);
      gls_test_assert_failure (&test_case->outcome, test_case->name, diagnostics, error);
      g_test_message ("%s", error->message);
    }
}

typedef struct
{
  GMutex   mutex;
  GCond    cond;
  GPid     pid;
  gboolean done;
  gboolean fired;
} Watchdog;

static gpointer
watchdog_thread (gpointer data)
{
  Watchdog *watchdog = data;
  gint64 deadline = g_get_monotonic_time () + WATCHDOG_SECONDS * G_USEC_PER_SEC;

  g_mutex_lock (&watchdog->mutex);
  while (!watchdog->done && !watchdog->fired)
    {
      if (!g_cond_wait_until (&watchdog->cond, &watchdog->mutex, deadline))
        {
          kill (watchdog->pid, SIGKILL);
          watchdog->fired = TRUE;
        }
    }
  g_mutex_unlock (&watchdog->mutex);
  return NULL;
}

typedef struct
{
  int     status;
  double  seconds;
  glong   peak_rss_kib;
  char   *out;
  char   *err;
} Run;

static void
run_clear (Run *run)
{
  g_free (run->out);
  g_free (run->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

static int
open_output (const char *path)
{
  int fd = open (path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);

  g_assert_cmpint (fd, >=, 0);
  return fd;
}

/*
 * Runs the program with @arguments, to its end or to the watchdog, and
 * measures its time and its peak resident memory (which only wait4()
 * tells of a child).
 */
static void
run_program (const char * const *arguments,
             Run                *run)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out_path = g_build_filename (corpus->directory, "stdout.txt", NULL);
  g_autofree char *err_path = g_build_filename (corpus->directory, "stderr.txt", NULL);
  g_autoptr(GError) error = NULL;
  Watchdog watchdog = { 0 };
  struct rusage usage;
  siginfo_t info;
  GThread *thread;
  gint64 start;
  int out_fd = open_output (out_path);
  int err_fd = open_output (err_path);

  g_ptr_array_add (argv, (char *) g_getenv ("GLOSSARY_PROGRAM"));
  for (guint i = 0; arguments[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) arguments[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_nonnull (argv->pdata[0]);

  start = g_get_monotonic_time ();
  g_spawn_async_with_pipes_and_fds (NULL, (const char * const *) argv->pdata, NULL,
                                    G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, -1, out_fd, err_fd,
                                    NULL, NULL, 0, &watchdog.pid, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  close (out_fd);
  close (err_fd);

  g_mutex_init (&watchdog.mutex);
  g_cond_init (&watchdog.cond);
  thread = g_thread_new ("watchdog", watchdog_thread, &watchdog);

  /* Wait for the end without reaping, so that the watchdog never signals a
   * process id that another process may have taken.
   */
  while (waitid (P_PID, watchdog.pid, &info, WEXITED | WNOWAIT) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  run->seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  g_mutex_lock (&watchdog.mutex);
  watchdog.done = TRUE;
  g_cond_signal (&watchdog.cond);
  g_mutex_unlock (&watchdog.mutex);
  g_thread_join (thread);
  g_mutex_clear (&watchdog.mutex);
  g_cond_clear (&watchdog.cond);

  g_assert_cmpint (wait4 (watchdog.pid, &run->status, 0, &usage), ==, watchdog.pid);
  g_spawn_close_pid (watchdog.pid);
  run->peak_rss_kib = usage.ru_maxrss;

  g_file_get_contents (out_path, &run->out, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (err_path, &run->err, NULL, &error);
  g_assert_no_error (error);

  if (watchdog.fired)
    g_error ("%s was still running after %d s", (char *) argv->pdata[argv->len - 2],
             WATCHDOG_SECONDS);
  g_assert_true (WIFEXITED (run->status));
}

/* The first line of @err that reports an error. */
static char *
first_error_line (const char *err)
{
  g_auto(GStrv) lines = g_strsplit (err, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], ": error: ") != NULL)
      return g_strdup (lines[i]);
  return NULL;
}

/* `glossary --validate FILE` in a child: its verdict, its bounds. */
static void
test_validate (gconstpointer data)
{
  const GlsTestCase *test_case = data;
  const GlsTestOutcome *strict = &test_case->strict;
  const char *arguments[] = { "--validate", test_case->path, NULL };
  g_auto(Run) run = { 0 };

  run_program (arguments, &run);
  g_test_message ("%s: %.3f s, peak RSS %.1f MB", test_case->name, run.seconds,
                  run.peak_rss_kib * 1024 / 1e6);
  if (run.seconds > slowest_seconds)
    {
      slowest_seconds = run.seconds;
      g_free (slowest_name);
      slowest_name = g_strdup (test_case->name);
    }
  if (run.peak_rss_kib > largest_rss_kib)
    {
      largest_rss_kib = run.peak_rss_kib;
      g_free (largest_name);
      largest_name = g_strdup (test_case->name);
    }

  gls_test_corpus_assert_no_secret (corpus, run.out);
  gls_test_corpus_assert_no_secret (corpus, run.err);

  g_assert_cmpint (run.peak_rss_kib, <=, MAX_PEAK_RSS_KIB);

  if (strict->ok)
    {
      g_autofree char *expected =
        g_strdup_printf (g_dngettext (NULL, "%s: valid, %u term\n", "%s: valid, %u terms\n",
                                      strict->n_terms), test_case->path, strict->n_terms);

      g_assert_cmpint (WEXITSTATUS (run.status), ==, 0);
      g_assert_cmpstr (run.out, ==, expected);
    }
  else
    {
      g_autofree char *line = first_error_line (run.err);
      g_autofree char *prefix = NULL;

      g_assert_cmpint (WEXITSTATUS (run.status), ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (line);
      g_assert_nonnull (strstr (line, strict->text));
      if (strict->line == 0)
        prefix = g_strdup_printf ("%s: error: ", test_case->path);
      else if (strict->column == 0)
        prefix = g_strdup_printf ("%s:%u:", test_case->path, strict->line);
      else
        prefix = g_strdup_printf ("%s:%u:%u: error: ", test_case->path, strict->line,
                                  strict->column);
      g_assert_true (g_str_has_prefix (line, prefix));
    }
}

static const GlsTestCase *
find_case (const char *name)
{
  for (guint i = 0; i < corpus->cases->len; i++)
    {
      const GlsTestCase *test_case = g_ptr_array_index (corpus->cases, i);

      if (g_str_equal (test_case->name, name))
        return test_case;
    }
  g_error ("No case %s in expected.tsv", name);
  return NULL;
}

static void
test_size_cap (void)
{
  const GlsTestCase *test_case = find_case ("@over-size-cap.xml");
  g_autoptr(GFile) file = g_file_new_for_path (test_case->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *arguments[] = { "--validate", test_case->path, NULL };
  g_auto(Run) run = { 0 };
  GStatBuf status;

  /* A sparse file just over the cap, refused on its size. */
  g_assert_cmpint (g_stat (test_case->path, &status), ==, 0);
  g_assert_cmpuint (status.st_size, ==, GLS_LOAD_MAX_SIZE + 1);
  bytes = gls_read_file (file, GLS_LOAD_MAX_SIZE, NULL, &error);
  g_assert_null (bytes);
  g_assert_error (error, GLS_LOAD_ERROR, GLS_LOAD_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "larger than the limit of"));
  g_test_message ("%s", error->message);

  /* Unread: reading it would have taken more than a gigabyte. */
  run_program (arguments, &run);
  g_test_message ("Refused in %.3f s, peak RSS %.1f MB", run.seconds,
                  run.peak_rss_kib * 1024 / 1e6);
  g_assert_cmpint (run.peak_rss_kib * 1024, <, GLS_LOAD_MAX_SIZE / 4);
}

/* Runs xmllint, which expands entities and includes where asked: the
 * control that shows the files would leak through a parser less careful.
 */
static GSubprocess *
spawn_xmllint (const char * const *arguments,
               GError            **error)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();

  g_ptr_array_add (argv, (char *) g_getenv ("XMLLINT"));
  for (guint i = 0; arguments[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) arguments[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_nonnull (argv->pdata[0]);
  return g_subprocess_newv ((const char * const *) argv->pdata,
                            G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_MERGE,
                            error);
}

static void
test_secret (void)
{
  const char *live[] = { "external-entity-secret.xml", "xinclude-secret.xml" };
  guint n_pointing = 0;

  /* The cases really point at the secret file. */
  for (guint i = 0; i < corpus->cases->len; i++)
    {
      const GlsTestCase *test_case = g_ptr_array_index (corpus->cases, i);
      g_autofree char *contents = NULL;

      if (test_case->name[0] == '@')
        continue;
      g_assert_true (g_file_get_contents (test_case->path, &contents, NULL, NULL));
      if (strstr (contents, corpus->secret_uri) != NULL)
        n_pointing++;
    }
  g_assert_cmpuint (n_pointing, >=, 5);

  /* And through a parser told to follow them, they would show it. */
  for (guint i = 0; i < G_N_ELEMENTS (live); i++)
    {
      const GlsTestCase *test_case = find_case (live[i]);
      const char *arguments[] = { "--noent", "--xinclude", test_case->path, NULL };
      g_autoptr(GSubprocess) xmllint = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;

      xmllint = spawn_xmllint (arguments, &error);
      g_assert_no_error (error);
      g_subprocess_communicate_utf8 (xmllint, NULL, NULL, &out, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (strstr (out, corpus->secret));
    }
}

/* Runs last: every load of the corpus is done by now. */
static void
test_network (void)
{
  const GlsTestCase *test_case = find_case ("external-dtd-url.xml");
  const char *arguments[] = { "--loaddtd", "--noout", test_case->path, NULL };
  g_autoptr(GSubprocess) xmllint = NULL;
  g_autoptr(GSocket) connection = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (gls_test_corpus_count_connections (corpus), ==, 0);

  /* The control: a parser that fetches DTDs connects to the listener, which
   * closes the connection so that it gives up.
   */
  xmllint = spawn_xmllint (arguments, &error);
  g_assert_no_error (error);
  g_assert_true (g_socket_condition_timed_wait (corpus->listener, G_IO_IN,
                                                WATCHDOG_SECONDS * G_USEC_PER_SEC, NULL,
                                                &error));
  g_assert_no_error (error);
  connection = g_socket_accept (corpus->listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_close (connection, NULL);
  g_subprocess_wait (xmllint, NULL, &error);
  g_assert_no_error (error);
}

static void
test_summary (void)
{
  if (slowest_name == NULL)
    {
      g_test_skip ("No file of the corpus was run");
      return;
    }
  g_test_message ("Corpus bounds: max load time %.3f s (%s), max peak RSS %.1f MB (%s)",
                  slowest_seconds, slowest_name, largest_rss_kib * 1024 / 1e6, largest_name);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  gls_loader_init ();
  corpus = gls_test_corpus_new ();

  g_test_add_func ("/gls/hostile/corpus/manifest", test_manifest);
  for (guint i = 0; i < corpus->cases->len; i++)
    {
      GlsTestCase *test_case = g_ptr_array_index (corpus->cases, i);
      g_autofree char *load_path = g_strconcat ("/gls/hostile/load/", test_case->name, NULL);
      g_autofree char *validate_path = g_strconcat ("/gls/hostile/validate/", test_case->name,
                                                    NULL);

      g_test_add_data_func (load_path, test_case, test_load);
      g_test_add_data_func (validate_path, test_case, test_validate);
    }
  /* GTest runs the suites in the order they were made: these come after the
   * loads, and the check of the listener last.
   */
  g_test_add_func ("/gls/hostile/bounds/size-cap", test_size_cap);
  g_test_add_func ("/gls/hostile/bounds/summary", test_summary);
  g_test_add_func ("/gls/hostile/isolation/secret", test_secret);
  g_test_add_func ("/gls/hostile/isolation/network", test_network);

  status = g_test_run ();
  g_clear_pointer (&corpus, gls_test_corpus_free);
  g_free (slowest_name);
  g_free (largest_name);
  return status;
}
