/* gls-loader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>

#include <glib/gi18n.h>
#if HAVE_GIO_UNIX
#include <gio/gfiledescriptorbased.h>
#include <unistd.h>
#endif

#include "gls-data-resources.h"
#include "gls-loader.h"
#include "gls-xml-loader.h"

#define BUNDLED_PATH RESOURCE_BASE "/cx-glossary.xml"

G_DEFINE_QUARK (gls-load-error-quark, gls_load_error)

/* Call once, on the main thread, before any loading. */
void
gls_loader_init (void)
{
  gls_xml_loader_init ();
}

#if HAVE_GIO_UNIX
/*
 * Most of reading a large file that the system has cached is copying it
 * and mapping the buffer's fresh pages, and two processors do that in
 * about half the time: such a file is read in two halves at once, the
 * second on a thread of its own.
 *
 * Each half is read a piece at a time.  Traced on a busy machine, a
 * single read of half a gigabyte held both processors for up to a fifth of
 * a second without a switch to any other thread, and the window's thread,
 * which draws the progress and answers the keyboard, waited all that time.
 * A piece is copied in a millisecond or so, and between two pieces the
 * system can let another thread run.
 */
#define SPLIT_READ_MIN (16 * 1024 * 1024)
#define READ_PIECE     (2 * 1024 * 1024)

typedef struct
{
  int    fd;
  char  *buffer;
  gsize  offset;
  gsize  length;
  gsize  done;
  int    saved_errno;
} ReadPart;

static gpointer
read_part (gpointer data)
{
  ReadPart *part = data;

  while (part->done < part->length)
    {
      gssize n_read = pread (part->fd, part->buffer + part->offset + part->done,
                             MIN (part->length - part->done, READ_PIECE),
                             (off_t) (part->offset + part->done));

      if (n_read < 0 && errno == EINTR)
        continue;
      if (n_read < 0)
        {
          part->saved_errno = errno;
          break;
        }
      if (n_read == 0)
        break;
      part->done += n_read;
    }
  return NULL;
}

/*
 * Reads the first @size bytes of @stream into @buffer, in two halves at
 * once, and leaves the stream after them.  @length says how many it read:
 * fewer when the file has shrunk since its size was taken.
 */
static gboolean
read_halves (GFileInputStream  *stream,
             char              *buffer,
             gsize              size,
             gsize             *length,
             const char        *name,
             GError           **error)
{
  int fd = g_file_descriptor_based_get_fd (G_FILE_DESCRIPTOR_BASED (stream));
  ReadPart first = { fd, buffer, 0, size / 2, 0, 0 };
  ReadPart second = { fd, buffer, size / 2, size - size / 2, 0, 0 };
  GThread *thread = g_thread_new ("gls-read", read_part, &second);
  int saved_errno;

  read_part (&first);
  g_thread_join (thread);

  saved_errno = first.saved_errno != 0 ? first.saved_errno : second.saved_errno;
  if (saved_errno != 0)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("“%s” could not be read: %s"), name, g_strerror (saved_errno));
      return FALSE;
    }
  *length = first.done < first.length ? first.done : first.length + second.done;
  return g_seekable_seek (G_SEEKABLE (stream), (goffset) *length, G_SEEK_SET, NULL, error);
}
#endif

/*
 * Reads a whole regular file, refusing it unread when it is larger than
 * @max_size.  Devices, pipes and directories are refused too: they could
 * block or never end.
 */
GBytes *
gls_read_file (GFile         *file,
               gsize          max_size,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autofree char *buffer = NULL;
  gsize capacity;
  gsize length = 0;
  g_autofree char *name = NULL;
  goffset size;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  name = g_file_get_parse_name (file);
  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;

  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
                   _("“%s” is not a regular file"), name);
      return NULL;
    }

  size = g_file_info_get_size (info);
  if (size < 0 || (guint64) size > max_size)
    {
      g_autofree char *size_text = g_format_size (size);
      g_autofree char *limit_text = g_format_size (max_size);

      /* Just over the limit, both round to "1.1 GB": say it in bytes. */
      if (g_str_equal (size_text, limit_text))
        {
          g_free (size_text);
          g_free (limit_text);
          size_text = g_format_size_full (size, G_FORMAT_SIZE_LONG_FORMAT);
          limit_text = g_format_size_full (max_size, G_FORMAT_SIZE_LONG_FORMAT);
        }

      g_set_error (error, GLS_LOAD_ERROR, GLS_LOAD_ERROR_TOO_LARGE,
                   _("“%s” is %s, larger than the limit of %s"), name, size_text, limit_text);
      return NULL;
    }

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return NULL;

  /* Read straight into a buffer of the file's size.  The file may grow
   * between the check and the read: one byte more than the limit notices.
   */
  capacity = MIN ((gsize) size, max_size) + 1;
  buffer = g_malloc (capacity);
#if HAVE_GIO_UNIX
  if ((gsize) size >= SPLIT_READ_MIN && G_IS_FILE_DESCRIPTOR_BASED (stream) &&
      !read_halves (stream, buffer, size, &length, name, error))
    return NULL;
#endif
  for (;;)
    {
      gssize n_read;

      if (length == capacity)
        {
          if (length > max_size)
            {
              g_autofree char *limit_text = g_format_size (max_size);

              g_set_error (error, GLS_LOAD_ERROR, GLS_LOAD_ERROR_TOO_LARGE,
                           _("“%s” is larger than the limit of %s"), name, limit_text);
              return NULL;
            }
          capacity = MIN (capacity * 2, max_size + 1);
          buffer = g_realloc (buffer, capacity);
        }

      n_read = g_input_stream_read (G_INPUT_STREAM (stream), buffer + length,
                                    MIN (capacity - length, G_MAXSSIZE), cancellable, error);
      if (n_read < 0)
        return NULL;
      if (n_read == 0)
        break;
      length += n_read;
    }

  return g_bytes_new_take (g_steal_pointer (&buffer), length);
}

static void
diagnostic_free (gpointer data)
{
  GlsDiagnostic *diagnostic = data;

  g_free (diagnostic->message);
  g_free (diagnostic);
}

/* As gls_load_bytes(), but takes @bytes: when no one else holds them, the
 * file's text is freed as soon as it has been read.
 */
static GlsGlossary *
load_bytes_take (GBytes               *bytes,
                 const char           *display_name,
                 GFile                *file,
                 GlsLoadFlags          flags,
                 GPtrArray           **diagnostics,
                 GlsLoadProgressFunc   progress,
                 gpointer              progress_data,
                 GCancellable         *cancellable,
                 GError              **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (diagnostic_free);
  GlsGlossary *glossary;

  glossary = gls_xml_load (bytes, display_name, file, flags, found, progress, progress_data,
                           cancellable, error);
  if (diagnostics != NULL)
    *diagnostics = g_steal_pointer (&found);
  return glossary;
}

/*
 * Loads a glossary from @bytes.  @display_name names the source in messages.
 * @diagnostics, when given, receives a new array of every GlsDiagnostic found,
 * warnings included, in order of position.
 */
GlsGlossary *
gls_load_bytes (GBytes               *bytes,
                const char           *display_name,
                GFile                *file,
                GlsLoadFlags          flags,
                GPtrArray           **diagnostics,
                GlsLoadProgressFunc   progress,
                gpointer              progress_data,
                GCancellable         *cancellable,
                GError              **error)
{
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (file == NULL || G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_bytes_take (g_bytes_ref (bytes), display_name, file, flags, diagnostics, progress,
                          progress_data, cancellable, error);
}

GlsGlossary *
gls_load_file (GFile                *file,
               const char           *display_name,
               GlsLoadFlags          flags,
               GPtrArray           **diagnostics,
               GlsLoadProgressFunc   progress,
               gpointer              progress_data,
               GCancellable         *cancellable,
               GError              **error)
{
  GBytes *bytes;
  g_autofree char *parse_name = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (diagnostics != NULL)
    *diagnostics = NULL;

  bytes = gls_read_file (file, GLS_LOAD_MAX_SIZE, cancellable, error);
  if (bytes == NULL)
    return NULL;

  if (display_name == NULL)
    display_name = parse_name = g_file_get_parse_name (file);
  return load_bytes_take (bytes, display_name, file, flags, diagnostics, progress, progress_data,
                          cancellable, error);
}

/* Returns: (transfer full): the glossary compiled into the program */
GFile *
gls_bundled_file (void)
{
  static gsize registered;

  if (g_once_init_enter (&registered))
    {
      gls_data_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  return g_file_new_for_uri ("resource://" BUNDLED_PATH);
}

static GlsGlossary *
load_bundled_now (GError **error)
{
  g_autoptr(GFile) file = gls_bundled_file ();

  return gls_load_file (file, "cx-glossary.xml", GLS_LOAD_FLAGS_NONE, NULL, NULL, NULL, NULL,
                        error);
}

/* The bundled glossary being loaded ahead of its window, if it is. */
typedef struct
{
  GlsGlossary *glossary;
  GError      *error;
} Preload;

static GMutex preload_lock;
static GThread *preload_thread;

static gpointer
preload_run (gpointer data)
{
  Preload *preload = g_new0 (Preload, 1);

  preload->glossary = load_bundled_now (&preload->error);
  return preload;
}

/* Returns: (transfer full) (nullable): the preload under way, once done */
static Preload *
preload_join (void)
{
  GThread *thread;

  g_mutex_lock (&preload_lock);
  thread = g_steal_pointer (&preload_thread);
  g_mutex_unlock (&preload_lock);
  return thread != NULL ? g_thread_join (thread) : NULL;
}

/*
 * Starts loading the bundled glossary on a thread of its own, so that it is
 * ready by the time a window asks for it: gls_load_bundled() then takes it.
 * Whoever starts it and may not ask calls gls_preload_drop().
 */
void
gls_preload_bundled (void)
{
  g_mutex_lock (&preload_lock);
  /* Without a thread, the glossary is loaded when asked for. */
  if (preload_thread == NULL)
    preload_thread = g_thread_try_new ("gls-preload", preload_run, NULL, NULL);
  g_mutex_unlock (&preload_lock);
}

/* Waits for a preload under way and lets its glossary go. */
void
gls_preload_drop (void)
{
  Preload *preload = preload_join ();

  if (preload == NULL)
    return;
  g_clear_object (&preload->glossary);
  g_clear_error (&preload->error);
  g_free (preload);
}

/* Returns: (transfer full): the bundled glossary, preloaded or loaded now */
GlsGlossary *
gls_load_bundled (GError **error)
{
  Preload *preload = preload_join ();
  GlsGlossary *glossary;

  if (preload == NULL)
    return load_bundled_now (error);

  glossary = preload->glossary;
  if (preload->error != NULL)
    g_propagate_error (error, preload->error);
  g_free (preload);
  return glossary;
}

/*
 * Returns: "FILE:LINE:COLUMN: MESSAGE", leaving out what is unknown; with
 * @with_severity, "FILE:LINE:COLUMN: error: MESSAGE", the form editors parse
 */
char *
gls_diagnostic_format (const GlsDiagnostic *diagnostic,
                       const char          *display_name,
                       gboolean             with_severity)
{
  GString *text;

  g_return_val_if_fail (diagnostic != NULL, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  text = g_string_new (display_name);
  if (diagnostic->line > 0)
    g_string_append_printf (text, ":%u", diagnostic->line);
  if (diagnostic->line > 0 && diagnostic->column > 0)
    g_string_append_printf (text, ":%u", diagnostic->column);
  g_string_append (text, ": ");
  if (with_severity)
    g_string_append (text, diagnostic->severity == GLS_SEVERITY_ERROR ? "error: " : "warning: ");
  g_string_append (text, diagnostic->message);
  return g_string_free (text, FALSE);
}
