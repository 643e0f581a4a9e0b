/* gls-xml-loader.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The loader of the native format.  It is the only part of the program that
 * includes libxml2, and it hands libxml2 nothing but bytes it read itself:
 * no file names (libxml2 would decompress them or resolve them), no DTDs, no
 * entities, no network.  It sets no libxml2 global, because GTK's image
 * loaders share them.
 */
#include "config.h"

#include <glib/gi18n.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <string.h>

#include "gls-category-private.h"
#include "gls-glossary-private.h"
#include "gls-swar-private.h"
#include "gls-term-builder.h"
#include "gls-term-private.h"
#include "gls-xml-loader.h"

#define MAX_DIAGNOSTICS  100
#define MAX_MESSAGE      200     /* characters; longer ones lose their middle */
#define PROGRESS_STEP    (1 << 20)
#define MAX_STRAY_TEXT   128          /* bytes of unexpected text kept to quote */
#define XML_NAMESPACE    "http://www.w3.org/XML/1998/namespace"

/* Where a diagnostic points: a byte offset into the UTF-8 text parsed. */
typedef gsize Position;
#define NO_POSITION G_MAXSIZE

typedef enum
{
  CONTEXT_DOCUMENT,
  CONTEXT_GLOSSARY,
  CONTEXT_TEXT,          /* an element holding one line of text */
  CONTEXT_TERM,
  CONTEXT_EMPTY,         /* <category ref>, <related> */
  CONTEXT_DEFINITION,
  CONTEXT_REF,
  CONTEXT_SKIP,          /* inside an element already reported */
} Context;

typedef enum
{
  TEXT_TITLE,
  TEXT_DESCRIPTION,
  TEXT_VERSION,
  TEXT_LICENSE,
  TEXT_CATEGORY,
  TEXT_NAME,
  TEXT_ABBREVIATION,
  TEXT_ALIAS,
} TextKind;

typedef enum
{
  PENDING_CATEGORY,
  PENDING_RELATED,
  PENDING_REFERENCE,
} PendingKind;

/*
 * The terms' ids, as they are read, in an open-addressing table of their
 * own: a slot holds an id's hash beside the id, so that finding an id reads
 * one slot and one string.  Checking the references of 100,000 terms looks
 * up a million ids, in batches that fetch the ids named, then their slots,
 * then the ids in the slots of a whole batch before reading any, so that
 * their waits on memory overlap.
 */
typedef struct
{
  const char *id;
  guint32     hash;
  guint32     ordinal;         /* + 1, 0 for an empty slot */
} IdSlot;

#define LOOKUP_BATCH 64

/* A reference checked once the whole file is read: a million of them for
 * 100,000 terms, so they are packed small.  Where each is in the file is in
 * the loader's places, at the same index.
 */
typedef struct
{
  guint32     ordinal;
  guint32     index;
  guint16     definition;
  guint8      kind;
  guint8      drop;
} Pending;

/* A line and column, 0 and 0 when not known. */
typedef struct
{
  guint32     line;
  guint32     column;
} Place;

#define PLACE_BATCH 4096

/* Where counting lines stopped last: positions mostly come in order. */
typedef struct
{
  gsize       offset;
  guint       line;
  guint       column;
} LineMark;

typedef struct
{
  const char          *display_name;
  GlsLoadFlags         flags;
  GBytes              *bytes;           /* the file's, until its positions are all known */
  const char          *data;            /* UTF-8, converted if the file is not */
  gsize                size;
  char                *converted;
  gsize                content_start;   /* after a byte order mark */
  const char          *namespace_uri;   /* the format's, as the parser interns it */
  xmlParserCtxtPtr     parser;

  /* The element whose start the parser reports. */
  const char          *element_local;
  const char          *element_prefix;
  const xmlChar      **attributes;      /* local name, prefix, URI, value, end */
  guint                n_attributes;
  char                *element_qname;
  char                *id_copy;         /* an id read_attributes() copied */
  gboolean             start_was_empty; /* <x/>: its end has no tag of its own */

  /* Text where none belongs, quoted once the run of text ends. */
  GString             *stray;
  Position             stray_position;
  Context              stray_context;
  gsize                text_run;        /* bytes of text since the last tag */
  GCancellable        *cancellable;
  GlsLoadProgressFunc  progress;
  gpointer             progress_data;
  guint64              progress_reported;

  GPtrArray           *diagnostics;
  guint                n_errors;
  guint                n_unlisted;
  gboolean             stop;

  /* The '<' of the last tag matched to a parser event. */
  gsize                tag_cursor;
  gboolean             tags_in_step;
  gboolean             lone_cr;         /* some line ends with a CR alone */
  LineMark             mark;            /* of the diagnostics */

  Context              stack[8];
  guint                depth;
  guint                depth_past_stack;
  gboolean             seen_root;
  Position             root_position;

  GlsGlossaryHeader    header;
  int                  header_stage;
  GPtrArray           *categories;
  GHashTable          *category_ids;

  TextKind             text_kind;
  Position             text_tag;        /* the start tags of the open elements */
  Position             definition_tag;
  Position             reference_tag;
  guint                text_errors;     /* errors found before the open element */
  guint                definition_errors;
  const char          *empty_element;   /* "category" or "related" */
  GString             *text;
  char                *category_id;

  gboolean             in_term;
  gboolean             term_ok;
  gboolean             term_has_name;
  gboolean             term_has_definition;
  Position             term_position;
  guint32              term_id_hash;
  GlsTermData          term;
  guint                term_pending_start;
  GString             *definition;
  gboolean             pending_space;
  gssize               reference_start;
  gint32               reference_term;     /* offset of its id in the term's strings */
  guint                definition_references;  /* the term's references before this definition */

  /* Terms are made on the builder's thread as the file is read.  Their ids
   * go in the slots, copied to @term_ids, until the references are resolved.
   */
  GlsTermBuilder      *builder;
  guint                n_terms;
  GStringChunk        *term_ids;
  IdSlot              *id_slots;
  guint32              id_mask;
  GPtrArray           *terms;           /* the builder's, once it made them all */
  GArray              *edges;
  GArray              *pending;

  /* The places of the pending checks, a Place for each, are counted on a
   * thread of their own: it takes their positions in batches, and has the
   * places to itself until it ends.  Counting them on the parser's thread
   * took a tenth of its time.
   */
  GThread             *place_thread;
  GAsyncQueue         *place_queue;     /* GArray of Position; an empty one ends */
  GArray              *place_batch;     /* the positions not sent yet */
  GArray              *places;
  LineMark             place_mark;      /* the thread's */
} Loader;

void
gls_xml_loader_init (void)
{
  xmlInitParser ();
}

static gboolean
is_xml_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Whether a line of the text ends with a CR alone rather than LF or CR LF. */
static gboolean
has_lone_cr (const char *data,
             gsize       size)
{
  const char *end = data + size;

  for (const char *cr = memchr (data, '\r', size); cr != NULL;
       cr = memchr (cr + 1, '\r', end - cr - 1))
    if (cr + 1 == end || cr[1] != '\n')
      return TRUE;
  return FALSE;
}

static void
line_mark_reset (const Loader *loader,
                 LineMark     *mark)
{
  mark->offset = loader->content_start;
  mark->line = 1;
  mark->column = 1;
}

/* Counts characters, not bytes: UTF-8 continuation bytes add nothing.
 * Positions mostly come in order, a million of them in a large file, so the
 * count goes on from @mark, and finds line ends with memchr() where every
 * line ends with LF (a CR before it is one more character, which the LF
 * then resets).  Reads nothing of @loader but its text, so that a thread
 * with a mark of its own can count too.
 */
static void
position_to_line_column (const Loader *loader,
                         LineMark     *mark,
                         Position      position,
                         guint        *line,
                         guint        *column)
{
  gsize i;

  if (position == NO_POSITION)
    {
      *line = 0;
      *column = 0;
      return;
    }

  position = CLAMP (position, loader->content_start, loader->size);
  if (position < mark->offset)
    line_mark_reset (loader, mark);
  i = mark->offset;
  if (!loader->lone_cr)
    {
      const char *lf;

      while (i < position && (lf = memchr (loader->data + i, '\n', position - i)) != NULL)
        {
          mark->line++;
          mark->column = 1;
          i = lf - loader->data + 1;
        }

      /* No line ends from here: every byte but a continuation byte is one
       * more column, eight bytes at once.
       */
      for (; position - i >= 8; i += 8)
        {
          guint64 word = gls_swar_load (loader->data + i);

          /* One bit in each continuation byte (10xxxxxx), summed into
           * the top byte by the multiplication.
           */
          word = (word & ~(word << 1) & GLS_BYTES (0x80)) >> 7;
          mark->column += 8 - (guint) ((word * GLS_BYTES (1)) >> 56);
        }
    }
  for (; i < position; i++)
    {
      guchar c = loader->data[i];

      /* XML ends lines with LF, CR LF or a lone CR. */
      if (c == '\n' || (c == '\r' && (i + 1 == loader->size || loader->data[i + 1] != '\n')))
        {
          mark->line++;
          mark->column = 1;
        }
      else if ((c & 0xC0) != 0x80)
        mark->column++;
    }
  mark->offset = position;
  *line = mark->line;
  *column = mark->column;
}

/*
 * Returns: @message on one line and of a readable length: line breaks and
 * other control characters become spaces, and the middle of a long message
 * (a 10,000-character element name, say) gives way to an ellipsis.
 */
static char *
tidy_message (char *message)
{
  g_autofree char *valid = g_utf8_make_valid (message, -1);
  GString *tidy = g_string_new (NULL);
  glong length = g_utf8_strlen (valid, -1);
  glong index = 0;

  g_free (message);
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p), index++)
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (c);

      if (length > MAX_MESSAGE && index == MAX_MESSAGE / 2)
        {
          g_string_append (tidy, "…");
          index = length - MAX_MESSAGE / 2;
          p = g_utf8_offset_to_pointer (valid, index);
          c = g_utf8_get_char (p);
          type = g_unichar_type (c);
        }
      if (type == G_UNICODE_CONTROL || type == G_UNICODE_LINE_SEPARATOR ||
          type == G_UNICODE_PARAGRAPH_SEPARATOR)
        g_string_append_c (tidy, ' ');
      else
        g_string_append_unichar (tidy, c);
    }
  g_strchomp (tidy->str);
  return g_string_free (tidy, FALSE);
}

static void
add_diagnostic_at (Loader       *loader,
                   GlsSeverity   severity,
                   GlsLoadError  code,
                   guint         line,
                   guint         column,
                   char         *message)
{
  GlsDiagnostic *diagnostic;

  if (severity == GLS_SEVERITY_ERROR)
    loader->n_errors++;

  if (loader->diagnostics->len >= MAX_DIAGNOSTICS)
    {
      loader->n_unlisted++;
      g_free (message);
      return;
    }

  diagnostic = g_new0 (GlsDiagnostic, 1);
  diagnostic->severity = severity;
  diagnostic->code = code;
  diagnostic->line = line;
  diagnostic->column = column;
  diagnostic->message = tidy_message (message);
  g_ptr_array_add (loader->diagnostics, diagnostic);
}

G_GNUC_PRINTF (5, 6)
static void
add_diagnostic (Loader       *loader,
                GlsSeverity   severity,
                GlsLoadError  code,
                Position      position,
                const char   *format,
                ...)
{
  va_list args;
  guint line;
  guint column;
  char *message;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  position_to_line_column (loader, &loader->mark, position, &line, &column);
  add_diagnostic_at (loader, severity, code, line, column, message);
}

#define error_at(loader, code, position, ...) \
  add_diagnostic ((loader), GLS_SEVERITY_ERROR, (code), (position), __VA_ARGS__)

static const char *
text_element_name (TextKind kind)
{
  static const char *const names[] = {
    "title", "description", "version", "license", "category", "name", "abbrev", "alias",
  };

  return names[kind];
}

/* The name of the element that @context was pushed for, NULL if unknown. */
static const char *
context_element_name (Loader  *loader,
                      Context  context)
{
  switch (context)
    {
    case CONTEXT_GLOSSARY:
      return "glossary";

    case CONTEXT_TEXT:
      return text_element_name (loader->text_kind);

    case CONTEXT_TERM:
      return "term";

    case CONTEXT_EMPTY:
      return loader->empty_element;

    case CONTEXT_DEFINITION:
      return "definition";

    case CONTEXT_REF:
      return "ref";

    case CONTEXT_DOCUMENT:
    case CONTEXT_SKIP:
    default:
      return NULL;
    }
}

/* Collects what libxml2 reports; any error ends the parse. */
static void
on_xml_error (void        *user_data,
              xmlErrorPtr  error)
{
  xmlParserCtxtPtr parser = user_data;
  Loader *loader = parser != NULL ? parser->_private : NULL;
  g_autoptr(GString) message = NULL;
  GlsSeverity severity;
  guint line;
  guint column;
  guint end_line;
  guint end_column;
  gboolean at_end;

  if (loader == NULL || error == NULL || error->level == XML_ERR_NONE)
    return;

  message = g_string_new (error->message ? error->message : _("malformed XML"));
  severity = error->level == XML_ERR_WARNING ? GLS_SEVERITY_WARNING : GLS_SEVERITY_ERROR;
  if (severity == GLS_SEVERITY_ERROR)
    loader->stop = TRUE;

  line = MAX (error->line, 0);
  column = MAX (error->int2, 0);
  position_to_line_column (loader, &loader->mark, loader->size, &end_line, &end_column);
  at_end = line > end_line || (line == end_line && column >= end_column);

  /* libxml2 calls a file that ends inside an element "extra content at the
   * end of the document": say what is wrong, and where, at the end.
   */
  if (error->code == XML_ERR_DOCUMENT_END && error->domain == XML_FROM_PARSER &&
      error->ctxt != NULL && ((xmlParserCtxtPtr) error->ctxt)->name != NULL)
    {
      g_string_printf (message, _("the file ends before <%s> is closed"),
                       (const char *) ((xmlParserCtxtPtr) error->ctxt)->name);
      line = end_line;
      column = end_column;
    }
  /* Some of libxml2's words are for programmers: say them in the user's. */
  else if (error->code == XML_ERR_DOCUMENT_END)
    g_string_assign (message, at_end ? _("the file has no element")
                                     : _("the file goes on after the end of its root element"));
  else if (error->code == XML_ERR_DOCUMENT_EMPTY)
    g_string_assign (message, at_end ? _("the file has no element")
                                     : _("not XML: there is text where an element should start"));
  else if (strstr (message->str, "not proper UTF-8") != NULL)
    g_string_assign (message, _("the text is not valid UTF-8: declare the encoding of the file "
                                "in its first line, or save it as UTF-8"));
  else if (strstr (message->str, "Char 0x") != NULL ||
           strstr (message->str, "invalid Char value") != NULL ||
           strstr (message->str, "invalid xmlChar value") != NULL)
    g_string_printf (message, _("the character U+%04X is not allowed in XML"),
                     (guint) MAX (error->int1, 0));
  else if (strstr (message->str, "character reference out of bounds") != NULL)
    g_string_assign (message, _("a character reference past U+10FFFF, the last character"));
  else if (strstr (message->str, "Excessive depth in document") != NULL)
    g_string_printf (message, _("elements are nested more than %d deep"),
                     error->int1 > 0 ? error->int1 : (int) xmlParserMaxDepth);
  else if (strstr (message->str, "huge text node") != NULL)
    {
      g_autofree char *limit = g_format_size (XML_MAX_TEXT_LENGTH);

      g_string_printf (message, _("a text is longer than the limit of %s"), limit);
    }
  else if (strstr (message->str, "Huge input lookup") != NULL)
    {
      g_autofree char *limit = g_format_size (XML_MAX_LOOKUP_LIMIT);

      g_string_printf (message, _("a tag, comment or CDATA section is longer than the limit of %s"),
                       limit);
    }
  else if (at_end && severity == GLS_SEVERITY_ERROR)
    {
      g_autofree char *detail = g_strstrip (g_strdup (message->str));

      g_string_printf (message, _("the file ends too early: %s"), detail);
    }

  /* After the first error libxml2 goes on to report what follows from it. */
  if (severity == GLS_SEVERITY_ERROR && loader->n_errors > 0 && loader->stop)
    {
      gboolean had_xml_error = FALSE;

      for (guint i = 0; i < loader->diagnostics->len; i++)
        {
          GlsDiagnostic *d = g_ptr_array_index (loader->diagnostics, i);

          if (d->code == GLS_LOAD_ERROR_NOT_WELL_FORMED)
            had_xml_error = TRUE;
        }
      if (had_xml_error)
        return;
    }

  add_diagnostic_at (loader, severity, GLS_LOAD_ERROR_NOT_WELL_FORMED, line, column,
                     g_string_free (g_steal_pointer (&message), FALSE));
}

/* Skips a comment, CDATA section, processing instruction or DOCTYPE that
 * starts at @i, returning the offset after it.
 */
static gsize
skip_markup (Loader *loader,
             gsize   i)
{
  const char *data = loader->data;
  gsize size = loader->size;
  const char *end_marker;
  const char *found;

  if (i + 4 <= size && memcmp (data + i, "<!--", 4) == 0)
    end_marker = "-->";
  else if (i + 9 <= size && memcmp (data + i, "<![CDATA[", 9) == 0)
    end_marker = "]]>";
  else if (i + 2 <= size && data[i + 1] == '?')
    end_marker = "?>";
  else
    {
      /* A DOCTYPE, with an internal subset in brackets. */
      int brackets = 0;

      for (i += 2; i < size; i++)
        {
          if (data[i] == '[')
            brackets++;
          else if (data[i] == ']')
            brackets--;
          else if (data[i] == '>' && brackets <= 0)
            return i + 1;
        }
      return size;
    }

  found = g_strstr_len (data + i + 2, size - i - 2, end_marker);
  return found ? (gsize) (found - data) + strlen (end_marker) : size;
}

/*
 * Finds the tag that the parser's current event came from: each start tag
 * gives one element event and each end tag one end event, in file order, so
 * the next tag after the last one matched is this event's.  (The end of an
 * empty element <x/> comes from its start tag, and is not looked for.)
 */
static Position
next_tag (Loader   *loader,
          gboolean  end_tag)
{
  gsize i;

  if (!loader->tags_in_step)
    return NO_POSITION;

  i = loader->tag_cursor == NO_POSITION ? 0 : loader->tag_cursor + 1;
  while (i < loader->size)
    {
      const char *lt = memchr (loader->data + i, '<', loader->size - i);
      char next;

      if (lt == NULL)
        break;
      i = lt - loader->data;
      next = i + 1 < loader->size ? loader->data[i + 1] : '\0';
      if (next == '!' || next == '?')
        {
          i = skip_markup (loader, i);
          continue;
        }
      if ((next == '/') != end_tag)
        break;
      loader->tag_cursor = i;
      return i;
    }

  /* The scan lost step with the parser; say nothing rather than mislead. */
  loader->tags_in_step = FALSE;
  return NO_POSITION;
}

/* The first character of a text node after the last matched tag. */
static Position
text_position (Loader *loader)
{
  gsize i;
  char quote = '\0';

  if (!loader->tags_in_step || loader->tag_cursor == NO_POSITION)
    return NO_POSITION;

  for (i = loader->tag_cursor; i < loader->size; i++)
    {
      char c = loader->data[i];

      if (quote != '\0')
        {
          if (c == quote)
            quote = '\0';
        }
      else if (c == '"' || c == '\'')
        quote = c;
      else if (c == '>')
        break;
    }

  /* Comments and processing instructions are not text; CDATA is. */
  for (i++; i < loader->size; i++)
    {
      const char *rest = loader->data + i;

      if (*rest == '<' && i + 4 <= loader->size &&
          (rest[1] == '?' || memcmp (rest, "<!--", 4) == 0))
        i = skip_markup (loader, i) - 1;
      else if (!is_xml_space (*rest))
        break;
    }
  return i;
}

static Context
current_context (Loader *loader)
{
  return loader->depth > 0 ? loader->stack[loader->depth - 1] : CONTEXT_DOCUMENT;
}

static void
push_context (Loader  *loader,
              Context  context)
{
  /* Deeper nesting only ever happens inside skipped elements, which the
   * reader limits; the skip context covers every level below, counted so
   * that their ends close nothing above.
   */
  if (loader->depth == G_N_ELEMENTS (loader->stack))
    {
      g_assert (context == CONTEXT_SKIP);
      loader->stack[loader->depth - 1] = CONTEXT_SKIP;
      loader->depth_past_stack++;
      return;
    }
  loader->stack[loader->depth++] = context;
}

/* The qualified name of the element being started, for messages. */
static const char *
element_name (Loader *loader)
{
  if (loader->element_prefix == NULL)
    return loader->element_local;
  g_free (loader->element_qname);
  loader->element_qname = g_strconcat (loader->element_prefix, ":", loader->element_local, NULL);
  return loader->element_qname;
}

/* Letters, digits and "_" may start an id; "." and "-" may follow. */
static const guint8 id_chars[256] = {
  ['-'] = 1, ['.'] = 1,
  ['0' ... '9'] = 3, ['A' ... 'Z'] = 3, ['_'] = 3, ['a' ... 'z'] = 3,
};

static gboolean
is_identifier (const char *id,
               gsize       length)
{
  guint8 all = length > 0 ? id_chars[(guchar) id[0]] >> 1 : 0;

  for (gsize i = 1; i < length; i++)
    all &= id_chars[(guchar) id[i]];
  return all != 0;
}

typedef struct
{
  const char  *name;
  const char  *namespace_uri;
  char       **value;
} Attribute;

/* Reads the attributes of the current element into @attributes, reporting
 * the unexpected ones and the missing required ones (all are required).
 */
static gboolean
read_attributes (Loader    *loader,
                 Position   position,
                 Attribute *attributes,
                 guint      n_attributes,
                 guint      n_required)
{
  gboolean ok = TRUE;

  for (guint a = 0; a < loader->n_attributes; a++)
    {
      /* As the parser hands them over, with the value not NUL-terminated. */
      const xmlChar **attribute = loader->attributes + 5 * a;
      const char *local = (const char *) attribute[0];
      const char *prefix = (const char *) attribute[1];
      const char *uri = (const char *) attribute[2];
      gboolean known = FALSE;

      /* A prefix with no namespace is an error the parser reports. */
      for (guint i = 0; i < n_attributes && (prefix == NULL || uri != NULL); i++)
        {
          if (strcmp (local, attributes[i].name) != 0 ||
              g_strcmp0 (uri, attributes[i].namespace_uri) != 0)
            continue;

          g_free (*attributes[i].value);
          *attributes[i].value = g_strstrip (g_strndup ((const char *) attribute[3],
                                                        attribute[4] - attribute[3]));
          known = TRUE;
        }
      if (!known)
        {
          g_autofree char *name = prefix != NULL ? g_strdup_printf ("%s:%s", prefix, local)
                                                 : g_strdup (local);

          error_at (loader, GLS_LOAD_ERROR_INVALID, position,
                    _("unexpected attribute “%s” on <%s>"), name, element_name (loader));
          ok = FALSE;
        }
    }

  for (guint i = 0; i < n_required; i++)
    {
      if (*attributes[i].value == NULL)
        {
          error_at (loader, GLS_LOAD_ERROR_INVALID, position,
                    _("<%s> has no “%s” attribute"), element_name (loader),
                    attributes[i].name);
          ok = FALSE;
        }
    }
  return ok;
}

/*
 * Reads the one attribute of an element that names an id: nearly every
 * element in a large file.  An element with just that attribute is read
 * where the parser keeps it; any other goes through read_attributes().
 *
 * Returns: (nullable): the id, not NUL-terminated and only until the next
 *   event, or %NULL after reporting why there is none
 */
static const char *
read_id (Loader     *loader,
         Position    position,
         const char *name,
         gsize      *length)
{
  const char *id;
  const char *end;

  if (loader->n_attributes == 1 && loader->attributes[1] == NULL &&
      strcmp ((const char *) loader->attributes[0], name) == 0)
    {
      id = (const char *) loader->attributes[3];
      end = (const char *) loader->attributes[4];
      while (id < end && g_ascii_isspace (*id))
        id++;
      while (end > id && g_ascii_isspace (end[-1]))
        end--;
    }
  else
    {
      char *value = NULL;
      Attribute attribute = { name, NULL, &value };

      g_clear_pointer (&loader->id_copy, g_free);
      if (!read_attributes (loader, position, &attribute, 1, 1))
        {
          g_free (value);
          return NULL;
        }
      loader->id_copy = value;
      id = value;
      end = value + strlen (value);
    }

  *length = end - id;
  if (!is_identifier (id, *length))
    {
      g_autofree char *text = g_strndup (id, *length);

      error_at (loader, GLS_LOAD_ERROR_INVALID, position,
                _("“%s” is not a valid id: use letters, digits, “_”, “.” and “-”"), text);
      return NULL;
    }
  return id;
}

/* Reads one identifier-valued attribute into a string of its own. */
static char *
read_id_attribute (Loader     *loader,
                   Position    position,
                   const char *name)
{
  gsize length;
  const char *id = read_id (loader, position, name, &length);

  return id != NULL ? g_strndup (id, length) : NULL;
}

/* Every start of an element pushes one context, which its end pops. */
static void
unexpected_element (Loader   *loader,
                    Position  position)
{
  const char *parent_name = context_element_name (loader, current_context (loader));

  if (parent_name != NULL)
    error_at (loader, GLS_LOAD_ERROR_INVALID, position, _("unexpected element <%s> in <%s>"),
              element_name (loader), parent_name);
  else
    error_at (loader, GLS_LOAD_ERROR_INVALID, position, _("unexpected element <%s>"),
              element_name (loader));
  push_context (loader, CONTEXT_SKIP);
}

/* Returns: the ordinal + 1 of the term with @id, whose hash is @hash, or 0 */
static guint32
id_slots_find (const IdSlot *slots,
               guint32       mask,
               const char   *id,
               guint32       hash)
{
  for (guint32 slot = hash & mask; slots[slot].ordinal != 0; slot = (slot + 1) & mask)
    if (slots[slot].hash == hash && strcmp (slots[slot].id, id) == 0)
      return slots[slot].ordinal;
  return 0;
}

/* Puts @entry in the first free slot from its hash on. */
static void
id_slots_place (IdSlot *slots,
                guint32 mask,
                IdSlot  entry)
{
  guint32 slot = entry.hash & mask;

  while (slots[slot].ordinal != 0)
    slot = (slot + 1) & mask;
  slots[slot] = entry;
}

/* Adds @id, which is not there yet, as the term with ordinal + 1 @ordinal;
 * the table stays at most half full.
 */
static void
id_slots_add (Loader     *loader,
              const char *id,
              guint32     hash,
              guint32     ordinal)
{
  if ((gsize) ordinal * 2 > loader->id_mask)
    {
      guint32 old_mask = loader->id_mask;
      IdSlot *old = loader->id_slots;

      loader->id_mask = old_mask * 2 + 1;
      /* Cleared by writing, not by g_new0(): fresh pages that are read
       * first map the shared zero page, and replacing it at the first
       * write stops the builder's processor to flush its TLB.
       */
      loader->id_slots = g_new (IdSlot, (gsize) loader->id_mask + 1);
      memset (loader->id_slots, 0, ((gsize) loader->id_mask + 1) * sizeof (IdSlot));
      for (guint32 i = 0; i <= old_mask; i++)
        if (old[i].ordinal != 0)
          id_slots_place (loader->id_slots, loader->id_mask, old[i]);
      g_free (old);
    }
  id_slots_place (loader->id_slots, loader->id_mask, (IdSlot) { id, hash, ordinal });
}

/* Looks up the terms named by @n targets, giving each one's ordinal + 1,
 * or 0 where no term has the id.
 */
static void
id_slots_lookup (const IdSlot  *slots,
                 guint32        mask,
                 const char   **targets,
                 guint          n,
                 guint32       *ordinals)
{
  guint32 hashes[LOOKUP_BATCH];

  for (guint i = 0; i < n; i++)
    {
      hashes[i] = targets[i] != NULL ? g_str_hash (targets[i]) : 0;
      __builtin_prefetch (&slots[hashes[i] & mask]);
    }
  for (guint i = 0; i < n; i++)
    if (targets[i] != NULL && slots[hashes[i] & mask].hash == hashes[i])
      __builtin_prefetch (slots[hashes[i] & mask].id);
  for (guint i = 0; i < n; i++)
    {
      ordinals[i] = 0;
      if (targets[i] != NULL)
        ordinals[i] = id_slots_find (slots, mask, targets[i], hashes[i]);
    }
}

static void
start_root (Loader     *loader,
            const char *uri,
            Position    position)
{
  const char *local = loader->element_local;
  g_autofree char *version = NULL;
  g_autofree char *language = NULL;
  Attribute attributes[] = {
    { "version", NULL, &version },
    { "lang", XML_NAMESPACE, &language },
  };

  loader->seen_root = TRUE;
  loader->root_position = position;

  if (g_strcmp0 (local, "glossary") != 0)
    {
      error_at (loader, GLS_LOAD_ERROR_NOT_GLOSSARY, position,
                _("not a glossary file: the root element is <%s>, not <glossary>"),
                element_name (loader));
      loader->stop = TRUE;
      return;
    }
  if (g_strcmp0 (uri, GLS_NAMESPACE) != 0)
    {
      error_at (loader, GLS_LOAD_ERROR_NOT_GLOSSARY, position,
                _("not a glossary file: <glossary> must be in the namespace “%s”"),
                GLS_NAMESPACE);
      loader->stop = TRUE;
      return;
    }

  read_attributes (loader, position, attributes, G_N_ELEMENTS (attributes), 1);
  if (version != NULL && g_strcmp0 (version, "1") != 0)
    {
      error_at (loader, GLS_LOAD_ERROR_NOT_GLOSSARY, position,
                _("unsupported format version “%s”: this program reads version 1"), version);
      loader->stop = TRUE;
      return;
    }
  loader->header.language = g_steal_pointer (&language);
  push_context (loader, CONTEXT_GLOSSARY);
}

static void
start_text (Loader   *loader,
            TextKind  kind,
            Position  position)
{
  loader->text_kind = kind;
  loader->text_tag = position;
  loader->text_errors = loader->n_errors;
  g_string_truncate (loader->text, 0);
  push_context (loader, CONTEXT_TEXT);
}

static void
start_in_glossary (Loader     *loader,
                   const char *local,
                   Position    position)
{
  const char *id;
  gsize length;
  static const char *const header[] = { "title", "description", "version", "license" };

  for (int stage = 0; stage < (int) G_N_ELEMENTS (header); stage++)
    {
      if (strcmp (local, header[stage]) != 0)
        continue;
      if (stage < loader->header_stage || (stage > 0 && loader->header_stage == 0))
        {
          if (stage == 0 && loader->header_stage > 0)
            error_at (loader, GLS_LOAD_ERROR_INVALID, position, _("more than one <title>"));
          else if (stage == 0)
            error_at (loader, GLS_LOAD_ERROR_INVALID, position,
                      _("<title> must come before categories and terms"));
          else
            error_at (loader, GLS_LOAD_ERROR_INVALID, position,
                      _("<%s> is out of place: the header is <title>, <description>, <version> "
                        "and <license>, in that order, before categories and terms"),
                      local);
          push_context (loader, CONTEXT_SKIP);
          return;
        }
      loader->header_stage = stage + 1;
      start_text (loader, TEXT_TITLE + stage, position);
      return;
    }

  if (loader->header_stage == 0)
    {
      error_at (loader, GLS_LOAD_ERROR_INVALID, position,
                _("missing <title>: it must be the first element in <glossary>"));
      /* Report the missing title once. */
      loader->header_stage = G_N_ELEMENTS (header) + 1;
    }
  loader->header_stage = MAX (loader->header_stage, (int) G_N_ELEMENTS (header) + 1);

  if (strcmp (local, "category") == 0)
    {
      g_free (loader->category_id);
      loader->category_id = read_id_attribute (loader, position, "id");
      if (loader->category_id != NULL &&
          g_hash_table_contains (loader->category_ids, loader->category_id))
        {
          error_at (loader, GLS_LOAD_ERROR_DUPLICATE_ID, position,
                    _("duplicate category id “%s”"), loader->category_id);
          g_clear_pointer (&loader->category_id, g_free);
        }
      start_text (loader, TEXT_CATEGORY, position);
    }
  else if (strcmp (local, "term") == 0)
    {
      loader->in_term = TRUE;
      loader->term_has_name = FALSE;
      loader->term_has_definition = FALSE;
      loader->term_position = position;
      loader->term_pending_start = loader->pending->len;
      gls_term_data_reset (&loader->term);
      id = read_id (loader, position, "id", &length);
      loader->term_ok = id != NULL;
      if (id != NULL)
        {
          loader->term.id = gls_term_data_add_string (&loader->term, id, length);
          id = gls_term_data_get_string (&loader->term, loader->term.id);
          loader->term_id_hash = g_str_hash (id);
          if (id_slots_find (loader->id_slots, loader->id_mask, id, loader->term_id_hash) != 0)
            {
              error_at (loader, GLS_LOAD_ERROR_DUPLICATE_ID, position,
                        _("duplicate term id “%s”"), id);
              loader->term_ok = FALSE;
            }
        }
      push_context (loader, CONTEXT_TERM);
    }
  else
    unexpected_element (loader, position);
}

/* Counts the places of each batch of positions in turn, until an empty one. */
static gpointer
place_thread (gpointer data)
{
  Loader *loader = data;

  for (;;)
    {
      GArray *batch = g_async_queue_pop (loader->place_queue);
      gsize n = batch->len;
      gsize first = loader->places->len;

      g_array_set_size (loader->places, first + n);
      for (gsize i = 0; i < n; i++)
        {
          Place *place = &g_array_index (loader->places, Place, first + i);
          guint line;
          guint column;

          position_to_line_column (loader, &loader->place_mark,
                                   g_array_index (batch, Position, i), &line, &column);
          place->line = line;
          place->column = column;
        }
      g_array_unref (batch);
      if (n == 0)
        return NULL;
    }
}

static GArray *
place_batch_new (void)
{
  return g_array_sized_new (FALSE, FALSE, sizeof (Position), PLACE_BATCH);
}

/* Once the text is UTF-8 and its lines known. */
static void
start_places (Loader *loader)
{
  loader->places = g_array_new (FALSE, FALSE, sizeof (Place));
  line_mark_reset (loader, &loader->place_mark);
  loader->place_queue = g_async_queue_new ();
  loader->place_batch = place_batch_new ();
  loader->place_thread = g_thread_new ("gls-places", place_thread, loader);
}

/* Sends the positions of whole terms only: drop_pending() may take back
 * the open term's.
 */
static void
send_places (Loader *loader)
{
  g_async_queue_push (loader->place_queue, g_steal_pointer (&loader->place_batch));
  loader->place_batch = place_batch_new ();
}

/* Waits for the places of every pending check; the text may go then. */
static void
finish_places (Loader *loader)
{
  if (loader->place_thread == NULL)
    return;
  if (loader->place_batch->len > 0)
    send_places (loader);
  send_places (loader);
  g_thread_join (g_steal_pointer (&loader->place_thread));
  g_clear_pointer (&loader->place_queue, g_async_queue_unref);
  g_clear_pointer (&loader->place_batch, g_array_unref);
}

static void
add_pending (Loader      *loader,
             PendingKind  kind,
             guint        definition,
             guint        index,
             Position     position)
{
  Pending pending = { loader->n_terms, index, definition, kind, FALSE };

  g_array_append_val (loader->pending, pending);
  g_array_append_val (loader->place_batch, position);
}

/* Drops the last @n pending checks, all of them the open term's. */
static void
drop_pending (Loader *loader,
              guint   n)
{
  g_array_set_size (loader->pending, loader->pending->len - n);
  g_array_set_size (loader->place_batch, loader->place_batch->len - n);
}

static void
start_in_term (Loader     *loader,
               const char *local,
               Position    position)
{
  GlsTermData *term = &loader->term;

  /* The most frequent first: a term relates to several, and has a few
   * definitions and categories, but one name.
   */
  if (strcmp (local, "related") == 0 || strcmp (local, "category") == 0)
    {
      gboolean is_category = local[0] == 'c';
      gsize length;
      const char *id = read_id (loader, position, is_category ? "ref" : "term", &length);

      if (id != NULL)
        {
          GArray *ids = is_category ? term->category_ids : term->related_ids;
          guint32 offset = gls_term_data_add_string (term, id, length);

          add_pending (loader, is_category ? PENDING_CATEGORY : PENDING_RELATED, 0, ids->len,
                       position);
          g_array_append_val (ids, offset);
        }
      else
        loader->term_ok = FALSE;
      loader->empty_element = is_category ? "category" : "related";
      push_context (loader, CONTEXT_EMPTY);
    }
  else if (strcmp (local, "name") == 0)
    {
      loader->term_has_name = TRUE;
      start_text (loader, TEXT_NAME, position);
    }
  else if (strcmp (local, "abbrev") == 0)
    start_text (loader, TEXT_ABBREVIATION, position);
  else if (strcmp (local, "alias") == 0)
    start_text (loader, TEXT_ALIAS, position);
  else if (strcmp (local, "definition") == 0)
    {
      loader->term_has_definition = TRUE;
      loader->definition_tag = position;
      loader->definition_errors = loader->n_errors;
      loader->definition_references = term->references->len;
      g_string_truncate (loader->definition, 0);
      loader->pending_space = FALSE;
      push_context (loader, CONTEXT_DEFINITION);
    }
  else
    unexpected_element (loader, position);
}

static void
start_reference (Loader   *loader,
                 Position  position)
{
  gsize length;
  const char *id = read_id (loader, position, "term", &length);
  GlsTermData *term = &loader->term;

  loader->reference_term = -1;
  if (id == NULL)
    loader->term_ok = FALSE;
  else
    {
      add_pending (loader, PENDING_REFERENCE, term->definitions->len,
                   term->references->len - loader->definition_references, position);
      loader->reference_term = gls_term_data_add_string (term, id, length);
    }
  loader->reference_start = -1;
  loader->reference_tag = position;
  push_context (loader, CONTEXT_REF);
}

static void
start_element (Loader     *loader,
               const char *uri,
               Position    position)
{
  Context context = current_context (loader);
  const char *local = loader->element_local;

  if (context == CONTEXT_SKIP)
    {
      push_context (loader, CONTEXT_SKIP);
      return;
    }

  if (context == CONTEXT_DOCUMENT)
    {
      start_root (loader, uri, position);
      return;
    }

  /* The parser's dictionary hands out one pointer per namespace. */
  if (uri != loader->namespace_uri)
    {
      if (g_strcmp0 (uri, GLS_NAMESPACE) != 0)
        {
          unexpected_element (loader, position);
          return;
        }
      loader->namespace_uri = uri;
    }

  switch (context)
    {
    case CONTEXT_GLOSSARY:
      start_in_glossary (loader, local, position);
      break;

    case CONTEXT_TERM:
      start_in_term (loader, local, position);
      break;

    case CONTEXT_DEFINITION:
      if (strcmp (local, "ref") == 0)
        start_reference (loader, position);
      else
        unexpected_element (loader, position);
      break;

    case CONTEXT_DOCUMENT:
    case CONTEXT_TEXT:
    case CONTEXT_EMPTY:
    case CONTEXT_REF:
    case CONTEXT_SKIP:
    default:
      unexpected_element (loader, position);
      break;
    }
}

/* Collapses each run of XML white space into one space, and trims. */
static void
collapse_space (GString *text)
{
  gsize write = 0;
  gboolean pending = FALSE;

  for (gsize read = 0; read < text->len; read++)
    {
      char c = text->str[read];

      if (is_xml_space (c))
        pending = write > 0;
      else
        {
          if (pending)
            text->str[write++] = ' ';
          pending = FALSE;
          text->str[write++] = c;
        }
    }
  g_string_truncate (text, write);
}

static void
end_text (Loader *loader)
{
  GlsTermData *term = &loader->term;
  char *text;
  guint32 offset;

  collapse_space (loader->text);
  if (loader->text->len == 0)
    {
      /* An element left empty by a child reported already is that child's
       * problem, not a second one.
       */
      if (loader->n_errors == loader->text_errors)
        error_at (loader, GLS_LOAD_ERROR_INVALID, loader->text_tag, _("<%s> is empty"),
                  text_element_name (loader->text_kind));
      if (loader->in_term)
        loader->term_ok = FALSE;
      return;
    }

  switch (loader->text_kind)
    {
    case TEXT_TITLE:
    case TEXT_DESCRIPTION:
    case TEXT_VERSION:
    case TEXT_LICENSE:
      {
        char **fields[] = {
          &loader->header.title, &loader->header.description,
          &loader->header.version, &loader->header.license,
        };

        text = g_strndup (loader->text->str, loader->text->len);
        g_free (*fields[loader->text_kind]);
        *fields[loader->text_kind] = text;
      }
      break;

    case TEXT_CATEGORY:
      if (loader->category_id != NULL)
        {
          g_hash_table_add (loader->category_ids, g_strdup (loader->category_id));
          g_ptr_array_add (loader->categories,
                           _gls_category_new (loader->category_id, loader->text->str));
        }
      g_clear_pointer (&loader->category_id, g_free);
      break;

    case TEXT_NAME:
      if (term->name >= 0)
        {
          const char *id = gls_term_data_get_string (term, term->id);

          error_at (loader, GLS_LOAD_ERROR_INVALID, loader->text_tag,
                    _("more than one <name> in term “%s”"), id ? id : "");
          loader->term_ok = FALSE;
        }
      else
        term->name = gls_term_data_add_string (term, loader->text->str, loader->text->len);
      break;

    case TEXT_ABBREVIATION:
      offset = gls_term_data_add_string (term, loader->text->str, loader->text->len);
      g_array_append_val (term->abbreviations, offset);
      break;

    case TEXT_ALIAS:
      offset = gls_term_data_add_string (term, loader->text->str, loader->text->len);
      g_array_append_val (term->aliases, offset);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Appends @text to the definition with each run of white space made one
 * space, straight into the string's buffer.
 */
static void
append_definition_text (Loader     *loader,
                        const char *text,
                        gsize       length)
{
  GString *definition = loader->definition;
  gboolean wants_start = current_context (loader) == CONTEXT_REF && loader->reference_start < 0;
  const char *end = text + length;
  gsize base = definition->len;
  char *dst;

  /* At most the text and one pending space. */
  g_string_set_size (definition, base + length + 1);
  dst = definition->str + base;
  for (const char *p = text; p < end;)
    {
      /* Most of a definition goes eight bytes at once: those with no tab
       * or line end (the only bytes under 0x20 the parser hands over), no
       * two spaces together and no space first are copied as they are,
       * but for a space at their end, which waits for a word like any.
       */
      while (!wants_start && end - p >= 8)
        {
          guint64 word = gls_swar_load (p);
          guint64 flipped;
          guint64 spaces;

          if (((((word & GLS_BYTES (0x7f)) + GLS_BYTES (0x60)) | word) & GLS_BYTES (0x80)) != GLS_BYTES (0x80))
            break;
          flipped = word ^ GLS_BYTES (' ');
          spaces = ~(((flipped & GLS_BYTES (0x7f)) + GLS_BYTES (0x7f)) | flipped | GLS_BYTES (0x7f));
          if ((spaces & ((spaces >> 8) | 0x80)) != 0)
            break;

          if (loader->pending_space)
            {
              *dst++ = ' ';
              loader->pending_space = FALSE;
            }
          memcpy (dst, p, 8);
          dst += 8;
          p += 8;
          if ((spaces >> 63) != 0)
            {
              dst--;
              loader->pending_space = TRUE;
            }
        }
      if (p == end)
        break;

      if (is_xml_space (*p))
        {
          loader->pending_space = dst > definition->str;
          p++;
          continue;
        }

      /* A word: what comes before it is settled once. */
      if (loader->pending_space)
        {
          *dst++ = ' ';
          loader->pending_space = FALSE;
        }
      if (wants_start)
        {
          loader->reference_start = dst - definition->str;
          wants_start = FALSE;
        }
      *dst++ = *p++;
    }
  g_string_truncate (definition, dst - definition->str);
}

static void
end_reference (Loader *loader)
{
  GlsTermData *term = &loader->term;
  GlsTermDataReference reference;

  if (loader->reference_start < 0)
    {
      error_at (loader, GLS_LOAD_ERROR_INVALID, loader->reference_tag, _("<ref> is empty"));
      loader->term_ok = FALSE;
      /* The pending check for this reference has nothing to point at. */
      if (loader->reference_term >= 0)
        drop_pending (loader, 1);
      loader->reference_term = -1;
      return;
    }
  if (loader->reference_term < 0)
    return;

  reference.definition = term->definitions->len;
  reference.start = loader->reference_start;
  reference.end = loader->definition->len;
  reference.term_id = loader->reference_term;
  g_array_append_val (term->references, reference);
  loader->reference_term = -1;
}

static void
end_definition (Loader *loader)
{
  GlsTermData *term = &loader->term;
  guint32 offset;

  if (loader->definition->len == 0)
    {
      if (loader->n_errors == loader->definition_errors)
        error_at (loader, GLS_LOAD_ERROR_INVALID, loader->definition_tag,
                  _("<definition> is empty"));
      loader->term_ok = FALSE;
      g_array_set_size (term->references, loader->definition_references);
      return;
    }

  offset = gls_term_data_add_string (term, loader->definition->str, loader->definition->len);
  g_array_append_val (term->definitions, offset);
}

static void
end_term (Loader *loader)
{
  GlsTermData *term = &loader->term;
  const char *id = term->id >= 0 ? gls_term_data_get_string (term, term->id) : "";

  loader->in_term = FALSE;
  if (term->name < 0 && !loader->term_has_name)
    {
      error_at (loader, GLS_LOAD_ERROR_INVALID, loader->term_position,
                _("term “%s” has no <name>"), id);
      loader->term_ok = FALSE;
    }
  if (term->definitions->len == 0 && !loader->term_has_definition)
    {
      error_at (loader, GLS_LOAD_ERROR_INVALID, loader->term_position,
                _("term “%s” has no <definition>"), id);
      loader->term_ok = FALSE;
    }

  if (loader->term_ok)
    {
      id_slots_add (loader, g_string_chunk_insert (loader->term_ids, id), loader->term_id_hash,
                    ++loader->n_terms);
      gls_term_builder_add (loader->builder, term);
      if (loader->place_batch->len >= PLACE_BATCH)
        send_places (loader);
    }
  else
    drop_pending (loader, loader->pending->len - loader->term_pending_start);
}

static void
end_element (Loader *loader)
{
  Context context;

  if (loader->depth_past_stack > 0)
    {
      loader->depth_past_stack--;
      return;
    }
  if (loader->depth == 0)
    return;
  context = loader->stack[--loader->depth];

  switch (context)
    {
    case CONTEXT_GLOSSARY:
      if (loader->header.title == NULL && loader->header_stage == 0)
        error_at (loader, GLS_LOAD_ERROR_INVALID, loader->root_position, _("missing <title>"));
      break;

    case CONTEXT_TEXT:
      end_text (loader);
      break;

    case CONTEXT_TERM:
      end_term (loader);
      break;

    case CONTEXT_DEFINITION:
      end_definition (loader);
      break;

    case CONTEXT_REF:
      end_reference (loader);
      break;

    case CONTEXT_DOCUMENT:
    case CONTEXT_EMPTY:
    case CONTEXT_SKIP:
    default:
      break;
    }
}

/* Quotes the text that stood where none belongs, once its run ended. */
static void
flush_stray_text (Loader *loader)
{
  g_autofree char *excerpt = NULL;
  const char *parent_name;

  if (loader->stray->len == 0)
    return;

  excerpt = g_utf8_substring (loader->stray->str, 0,
                              MIN (g_utf8_strlen (loader->stray->str, -1), 20));
  parent_name = context_element_name (loader, loader->stray_context);
  if (parent_name != NULL)
    error_at (loader, GLS_LOAD_ERROR_INVALID, loader->stray_position,
              _("unexpected text “%s” in <%s>"), g_strstrip (excerpt), parent_name);
  else
    error_at (loader, GLS_LOAD_ERROR_INVALID, loader->stray_position,
              _("unexpected text “%s”"), g_strstrip (excerpt));
  g_string_truncate (loader->stray, 0);
}

/* Keeps the start of text that stands where none belongs.  The parser may
 * hand over one run of text in several pieces.
 */
static void
stray_text (Loader     *loader,
            const char *text,
            gsize       length)
{
  gsize keep;

  if (loader->stray->len == 0)
    {
      gsize skip = 0;

      while (skip < length && is_xml_space (text[skip]))
        skip++;
      if (skip == length)
        return;
      text += skip;
      length -= skip;
      loader->stray_position = text_position (loader);
      loader->stray_context = current_context (loader);
      if (loader->in_term)
        loader->term_ok = FALSE;
    }

  /* Enough for the quote, cut between characters. */
  keep = MIN (length, MAX_STRAY_TEXT - MIN (loader->stray->len, MAX_STRAY_TEXT));
  while (keep > 0 && keep < length && ((guchar) text[keep] & 0xC0) == 0x80)
    keep--;
  g_string_append_len (loader->stray, text, keep);
}

/* Ends the parse from one of its callbacks, the only place libxml2 allows. */
static void
stop_parsing (Loader *loader)
{
  loader->stop = TRUE;
  xmlStopParser (loader->parser);
}

static void
text_node (Loader     *loader,
           const char *text,
           gsize       length)
{
  /* The limit libxml2 puts on a text node when it builds a tree. */
  loader->text_run += length;
  if (loader->text_run > XML_MAX_TEXT_LENGTH)
    {
      g_autofree char *limit = g_format_size (XML_MAX_TEXT_LENGTH);

      error_at (loader, GLS_LOAD_ERROR_NOT_WELL_FORMED, text_position (loader),
                _("a text is longer than the limit of %s"), limit);
      stop_parsing (loader);
      return;
    }

  switch (current_context (loader))
    {
    case CONTEXT_TEXT:
      g_string_append_len (loader->text, text, length);
      break;

    case CONTEXT_DEFINITION:
    case CONTEXT_REF:
      append_definition_text (loader, text, length);
      break;

    case CONTEXT_SKIP:
      break;

    case CONTEXT_DOCUMENT:
    case CONTEXT_GLOSSARY:
    case CONTEXT_TERM:
    case CONTEXT_EMPTY:
    default:
      stray_text (loader, text, length);
      break;
    }
}

/* The loader of the parser's callbacks, if they are still wanted. */
static Loader *
loader_of (void *user_data)
{
  xmlParserCtxtPtr parser = user_data;
  Loader *loader = parser->_private;

  if (loader->stop)
    {
      /* Only from a callback may the parser be stopped. */
      xmlStopParser (parser);
      return NULL;
    }
  return loader;
}

static void
on_start_element (void           *user_data,
                  const xmlChar  *local,
                  const xmlChar  *prefix,
                  const xmlChar  *uri,
                  int             n_namespaces,
                  const xmlChar **namespaces,
                  int             n_attributes,
                  int             n_defaulted,
                  const xmlChar **attributes)
{
  Loader *loader = loader_of (user_data);
  const xmlChar *after;

  if (loader == NULL)
    return;
  flush_stray_text (loader);
  loader->text_run = 0;

  /* The parser stands at the end of the start tag: "/>" or ">". */
  after = loader->parser->input->cur;
  loader->start_was_empty = after != NULL && after[0] == '/';
  loader->element_local = (const char *) local;
  loader->element_prefix = (const char *) prefix;
  loader->attributes = attributes;
  loader->n_attributes = MAX (n_attributes, 0);

  start_element (loader, (const char *) uri, next_tag (loader, FALSE));

  loader->attributes = NULL;
  loader->n_attributes = 0;
  if (loader->stop)
    xmlStopParser (loader->parser);
}

static void
on_end_element (void          *user_data,
                const xmlChar *local,
                const xmlChar *prefix,
                const xmlChar *uri)
{
  Loader *loader = loader_of (user_data);

  if (loader == NULL)
    return;
  flush_stray_text (loader);
  loader->text_run = 0;
  if (loader->start_was_empty)
    loader->start_was_empty = FALSE;
  else
    next_tag (loader, TRUE);
  end_element (loader);
}

static void
on_characters (void          *user_data,
               const xmlChar *text,
               int            length)
{
  Loader *loader = loader_of (user_data);

  if (loader == NULL || length <= 0)
    return;
  /* Text between the two events of <x/> cannot be. */
  loader->start_was_empty = FALSE;
  text_node (loader, (const char *) text, length);
}

static void
on_internal_subset (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  Loader *loader = loader_of (user_data);
  const char *doctype;

  if (loader == NULL)
    return;
  doctype = g_strstr_len (loader->data, loader->size, "<!DOCTYPE");
  error_at (loader, GLS_LOAD_ERROR_FORBIDDEN,
            doctype ? (Position) (doctype - loader->data) : NO_POSITION,
            _("a DOCTYPE declaration is not allowed in a glossary file"));
  stop_parsing (loader);
}

static void
on_reference (void          *user_data,
              const xmlChar *name)
{
  Loader *loader = loader_of (user_data);

  if (loader == NULL)
    return;
  error_at (loader, GLS_LOAD_ERROR_FORBIDDEN, text_position (loader),
            _("the entity reference “&%s;” is not allowed in a glossary file"),
            (const char *) name);
  stop_parsing (loader);
}

static gboolean
report_progress (Loader  *loader,
                 gsize    done,
                 GError **error)
{
  if (done < loader->progress_reported + PROGRESS_STEP && done < loader->size)
    return TRUE;
  loader->progress_reported = done;
  if (loader->progress != NULL)
    loader->progress (done, loader->size, loader->progress_data);
  return !g_cancellable_set_error_if_cancelled (loader->cancellable, error);
}

/*
 * Parses the text with libxml2's SAX interface, which builds no tree, a
 * chunk at a time: between chunks the loader reports its progress and
 * heeds a cancel.
 */
static void
read_document (Loader  *loader,
               GError **error)
{
  xmlSAXHandler handler = { 0 };
  gsize done;

  handler.initialized = XML_SAX2_MAGIC;
  handler.startElementNs = on_start_element;
  handler.endElementNs = on_end_element;
  handler.characters = on_characters;
  handler.ignorableWhitespace = on_characters;
  handler.cdataBlock = on_characters;
  handler.internalSubset = on_internal_subset;
  handler.reference = on_reference;
  handler.serror = on_xml_error;

  /* The text is UTF-8 by now: the parser is given no bytes to guess an
   * encoding from (it would report what it finds before the loader can
   * hear it), and none of a byte order mark.
   */
  done = loader->content_start;
  loader->parser = xmlCreatePushParserCtxt (&handler, NULL, NULL, 0, NULL);
  if (loader->parser == NULL)
    {
      add_diagnostic_at (loader, GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_NOT_WELL_FORMED, 1, 1,
                         g_strdup (_("the file could not be parsed")));
      return;
    }
  loader->parser->_private = loader;

  /* No XML_PARSE_NOENT, _DTDLOAD, _DTDATTR, _DTDVALID, _XINCLUDE or _HUGE:
   * entities stay unexpanded (and are refused), nothing outside these bytes
   * is read, and libxml2's limits on depth and text size stay on.  The text
   * is UTF-8 whatever its declaration says.
   */
  xmlCtxtUseOptions (loader->parser, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
                                     XML_PARSE_IGNORE_ENC);
  xmlSwitchEncoding (loader->parser, XML_CHAR_ENCODING_UTF8);

  while (!loader->stop && done < loader->size)
    {
      gsize length = MIN (GLS_XML_LOADER_CHUNK_SIZE, loader->size - done);

      xmlParseChunk (loader->parser, loader->data + done, (int) length, 0);
      done += length;
      if (!report_progress (loader, done, error))
        return;
    }
  if (!loader->stop)
    xmlParseChunk (loader->parser, NULL, 0, 1);
  if (!loader->stop)
    flush_stray_text (loader);

  if (!loader->stop && !loader->seen_root && loader->n_errors == 0)
    error_at (loader, GLS_LOAD_ERROR_NOT_GLOSSARY, NO_POSITION,
              _("not a glossary file: there is no <glossary> element"));
}

/* The id a pending check is about, read from the term's own fields: this
 * runs a million times for 100,000 terms.
 */
static const char *
pending_target (GlsTerm *term,
                Pending *pending)
{
  if (pending->kind == PENDING_CATEGORY)
    return term->category_ids[pending->index];
  if (pending->kind == PENDING_RELATED)
    return term->related_ids[pending->index];
  return term->references[(pending->definition == 0 ? 0
                           : term->reference_ends[pending->definition - 1]) +
                          pending->index].term_id;
}

/*
 * Checks every category and term that the terms name, now that all are
 * known, and collects the references between terms as edges.
 */
static void
resolve_references (Loader *loader)
{
  gboolean strict = (loader->flags & GLS_LOAD_STRICT) != 0;
  GlsSeverity severity = strict ? GLS_SEVERITY_ERROR : GLS_SEVERITY_WARNING;
  GPtrArray *terms = loader->terms;

  loader->edges = g_array_sized_new (FALSE, FALSE, sizeof (guint32) * 2, loader->pending->len);
  for (guint first = 0; first < loader->pending->len; first += LOOKUP_BATCH)
    {
      guint n = MIN (LOOKUP_BATCH, loader->pending->len - first);
      const char *targets[LOOKUP_BATCH];
      guint32 ordinals[LOOKUP_BATCH];

      /* The ids of a batch are fetched together, before any is read. */
      for (guint i = 0; i < n; i++)
        {
          Pending *pending = &g_array_index (loader->pending, Pending, first + i);

          targets[i] = pending_target (g_ptr_array_index (terms, pending->ordinal), pending);
          __builtin_prefetch (targets[i]);
        }
      for (guint i = 0; i < n; i++)
        {
          Pending *pending = &g_array_index (loader->pending, Pending, first + i);
          Place *place = &g_array_index (loader->places, Place, first + i);

          if (pending->kind == PENDING_CATEGORY)
            {
              if (!g_hash_table_contains (loader->category_ids, targets[i]))
                add_diagnostic_at (loader, GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_UNKNOWN_CATEGORY,
                                   place->line, place->column,
                                   g_strdup_printf (_("unknown category “%s”"), targets[i]));
              targets[i] = NULL;
            }
        }
      id_slots_lookup (loader->id_slots, loader->id_mask, targets, n, ordinals);

      for (guint i = 0; i < n; i++)
        {
          Pending *pending = &g_array_index (loader->pending, Pending, first + i);
          Place *place = &g_array_index (loader->places, Place, first + i);
          const char *target = targets[i];
          guint target_ordinal = ordinals[i];

          if (target == NULL)
            continue;
          if (pending->kind == PENDING_RELATED && target_ordinal == pending->ordinal + 1)
            {
              add_diagnostic_at (loader, severity, GLS_LOAD_ERROR_MISSING_TERM, place->line,
                                 place->column,
                                 g_strdup_printf (_("term “%s” is related to itself"), target));
              pending->drop = TRUE;
            }
          else if (target_ordinal == 0)
            {
              add_diagnostic_at (loader, severity, GLS_LOAD_ERROR_MISSING_TERM, place->line,
                                 place->column,
                                 g_strdup_printf (_("reference to a missing term “%s”"), target));
              pending->drop = TRUE;
            }
          else if (target_ordinal != pending->ordinal + 1)
            {
              guint32 edge[2] = { pending->ordinal, target_ordinal - 1 };

              g_array_append_val (loader->edges, edge);
            }
        }
    }

  if (loader->n_errors > 0)
    return;

  /* Drop from the end so that the indices still to drop stay valid. */
  for (guint i = loader->pending->len; i-- > 0;)
    {
      Pending *pending = &g_array_index (loader->pending, Pending, i);
      GlsTerm *term = g_ptr_array_index (terms, pending->ordinal);

      if (!pending->drop)
        continue;
      if (pending->kind == PENDING_RELATED)
        _gls_term_drop_related (term, pending->index);
      else
        _gls_term_drop_reference (term, pending->definition, pending->index);
    }
  g_clear_pointer (&loader->pending, g_array_unref);
  g_clear_pointer (&loader->places, g_array_unref);

  /* The term builder maps the terms' own ids for the glossary. */
  g_clear_pointer (&loader->id_slots, g_free);
  g_clear_pointer (&loader->term_ids, g_string_chunk_free);
}

/* Lets the builder's thread end, and drops what it made. */
static void
discard_terms (Loader *loader)
{
  GlsBuiltTerms built = { 0 };

  loader->terms = NULL;
  if (loader->builder == NULL)
    return;
  gls_term_builder_finish (g_steal_pointer (&loader->builder), &built);
  gls_built_terms_clear (&built);
}

static int
compare_diagnostics (gconstpointer a,
                     gconstpointer b)
{
  const GlsDiagnostic *da = *(const GlsDiagnostic * const *) a;
  const GlsDiagnostic *db = *(const GlsDiagnostic * const *) b;

  if (da->line != db->line)
    return da->line < db->line ? -1 : 1;
  if (da->column != db->column)
    return da->column < db->column ? -1 : 1;
  return 0;
}

/* The formats of compressed files, which this program does not open. */
static const char *
compression_format (const char *data,
                    gsize       size)
{
  static const struct
  {
    const char *magic;
    gsize       length;
    const char *name;
  } formats[] = {
    { "\x1F\x8B", 2, "gzip" },
    { "\xFD" "7zXZ\0", 6, "xz" },
    { "BZh", 3, "bzip2" },
    { "\x28\xB5\x2F\xFD", 4, "zstd" },
    { "PK\x03\x04", 4, "zip" },
    { "7z\xBC\xAF\x27\x1C", 6, "7z" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    if (size >= formats[i].length && memcmp (data, formats[i].magic, formats[i].length) == 0)
      return formats[i].name;
  return NULL;
}

/*
 * Returns: (nullable): the encoding of a file that is not UTF-8, as iconv
 * names it, from a byte order mark, the zero bytes of UTF-16 and UTF-32 around
 * the first "<", or the XML declaration; *@skip is the length of a byte order
 * mark to leave out, *@name_offset where the declaration names the encoding
 */
static char *
detect_encoding (const char *data,
                 gsize       size,
                 gsize      *skip,
                 gsize      *name_offset)
{
  static const struct
  {
    const char *signature;
    gsize       length;
    const char *encoding;
    gboolean    is_mark;
  } signatures[] = {
    { "\x00\x00\xFE\xFF", 4, "UTF-32BE", TRUE },
    { "\xFF\xFE\x00\x00", 4, "UTF-32LE", TRUE },
    { "\xFE\xFF", 2, "UTF-16BE", TRUE },
    { "\xFF\xFE", 2, "UTF-16LE", TRUE },
    { "\x00\x00\x00\x3C", 4, "UTF-32BE", FALSE },
    { "\x3C\x00\x00\x00", 4, "UTF-32LE", FALSE },
    { "\x00\x3C\x00\x3F", 4, "UTF-16BE", FALSE },
    { "\x3C\x00\x3F\x00", 4, "UTF-16LE", FALSE },
  };
  static const char *const unicode_families[] = { "UTF-16", "UTF16", "UTF-32", "UTF32", "UCS-2",
                                                  "UCS2", "UCS-4", "UCS4", "ISO-10646" };
  gsize declaration_end;
  const char *p;
  const char *end;
  const char *name;
  char quote;

  *skip = 0;
  *name_offset = 0;
  if (size >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (signatures); i++)
    {
      if (size >= signatures[i].length &&
          memcmp (data, signatures[i].signature, signatures[i].length) == 0)
        {
          *skip = signatures[i].is_mark ? signatures[i].length : 0;
          return g_strdup (signatures[i].encoding);
        }
    }

  /* <?xml version="1.0" encoding="NAME"?>, at the very start. */
  if (size < 6 || memcmp (data, "<?xml", 5) != 0 || !is_xml_space (data[5]))
    return NULL;
  end = g_strstr_len (data, MIN (size, 1024), "?>");
  if (end == NULL)
    return NULL;
  declaration_end = end - data;
  p = g_strstr_len (data, declaration_end, "encoding");
  if (p == NULL)
    return NULL;
  for (p += strlen ("encoding"); p < end && is_xml_space (*p); p++)
    ;
  if (p == end || *p++ != '=')
    return NULL;
  while (p < end && is_xml_space (*p))
    p++;
  if (p == end || (*p != '"' && *p != '\''))
    return NULL;
  quote = *p++;
  name = p;
  while (p < end && (g_ascii_isalnum (*p) || *p == '.' || *p == '_' || *p == '-'))
    p++;
  if (p == name || p == end || *p != quote || !g_ascii_isalpha (*name))
    return NULL;

  /* UTF-8 needs no converting; a UTF-16 or UTF-32 file would have shown
   * its zero bytes, so a declaration that says so is wrong, and ignored.
   */
  if ((p - name == 5 && g_ascii_strncasecmp (name, "UTF-8", 5) == 0) ||
      (p - name == 4 && g_ascii_strncasecmp (name, "UTF8", 4) == 0))
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (unicode_families); i++)
    if (g_ascii_strncasecmp (name, unicode_families[i], strlen (unicode_families[i])) == 0)
      return NULL;
  *name_offset = name - data;
  return g_strndup (name, p - name);
}

/*
 * Makes the loader's text UTF-8, so that libxml2 reads one encoding only and
 * every position counts characters; a file that is not what its encoding
 * says is reported where it stops being so.
 */
static gboolean
convert_to_utf8 (Loader *loader)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *encoding = NULL;
  g_autofree char *prefix = NULL;
  gsize skip;
  gsize name_offset;
  gsize bytes_read = 0;
  gsize bytes_written = 0;
  gsize prefix_length = 0;
  guint line;
  guint column;

  encoding = detect_encoding (loader->data, loader->size, &skip, &name_offset);
  if (encoding == NULL)
    return TRUE;

  loader->converted = g_convert (loader->data + skip, loader->size - skip, "UTF-8", encoding,
                                 &bytes_read, &bytes_written, &error);
  if (error != NULL && g_error_matches (error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
    {
      error_at (loader, GLS_LOAD_ERROR_NOT_WELL_FORMED, name_offset,
                _("the encoding “%s” is not supported"), encoding);
      return FALSE;
    }
  if (error == NULL && bytes_read == loader->size - skip)
    {
      loader->data = loader->converted;
      loader->size = bytes_written;
      return TRUE;
    }

  /* Count the position in what converts, up to the first byte that does not. */
  g_clear_pointer (&loader->converted, g_free);
  prefix = g_convert (loader->data + skip, bytes_read, "UTF-8", encoding, NULL, &prefix_length,
                      NULL);
  loader->data = prefix != NULL ? prefix : "";
  loader->size = prefix != NULL ? prefix_length : 0;
  position_to_line_column (loader, &loader->mark, loader->size, &line, &column);
  add_diagnostic_at (loader, GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_NOT_WELL_FORMED, line, column,
                     error == NULL ? g_strdup (_("the file ends in the middle of a character"))
                                   : g_strdup_printf (_("the text is not valid %s"), encoding));
  loader->data = loader->converted = g_steal_pointer (&prefix);
  return FALSE;
}

/* Whether the prolog declares a DOCTYPE, found before libxml2 reads it: its
 * internal subset, with the entities it declares, is never parsed.
 */
static gboolean
find_doctype (Loader *loader,
              gsize  *offset)
{
  gsize i = loader->content_start;

  while (i < loader->size)
    {
      const char *rest = loader->data + i;
      gsize left = loader->size - i;

      if (is_xml_space (*rest))
        i++;
      else if (left >= 9 && memcmp (rest, "<!DOCTYPE", 9) == 0)
        {
          *offset = i;
          return TRUE;
        }
      else if ((left >= 4 && memcmp (rest, "<!--", 4) == 0) ||
               (left >= 2 && memcmp (rest, "<?", 2) == 0))
        i = skip_markup (loader, i);
      else
        return FALSE;
    }
  return FALSE;
}

static gboolean
is_blank (const char *data,
          gsize       size)
{
  for (gsize i = 0; i < size; i++)
    if (!is_xml_space (data[i]))
      return FALSE;
  return TRUE;
}

static void
release_text (Loader *loader)
{
  loader->data = NULL;
  loader->size = 0;
  g_clear_pointer (&loader->converted, g_free);
  g_clear_pointer (&loader->bytes, g_bytes_unref);
}

static void
loader_clear (Loader *loader)
{
  g_clear_pointer (&loader->parser, xmlFreeParserCtxt);
  g_clear_pointer (&loader->element_qname, g_free);
  g_clear_pointer (&loader->id_copy, g_free);
  if (loader->stray != NULL)
    g_string_free (loader->stray, TRUE);
  g_clear_pointer (&loader->converted, g_free);
  gls_glossary_header_clear (&loader->header);
  g_clear_pointer (&loader->categories, g_ptr_array_unref);
  g_clear_pointer (&loader->category_ids, g_hash_table_unref);
  g_clear_pointer (&loader->category_id, g_free);
  if (loader->text != NULL)
    g_string_free (loader->text, TRUE);
  if (loader->definition != NULL)
    g_string_free (loader->definition, TRUE);
  gls_term_data_clear (&loader->term);
  discard_terms (loader);
  g_clear_pointer (&loader->id_slots, g_free);
  g_clear_pointer (&loader->term_ids, g_string_chunk_free);
  g_clear_pointer (&loader->edges, g_array_unref);
  g_clear_pointer (&loader->pending, g_array_unref);
  finish_places (loader);
  g_clear_pointer (&loader->places, g_array_unref);
  release_text (loader);
}

GlsGlossary *
gls_xml_load (GBytes               *bytes,
              const char           *display_name,
              GFile                *file,
              GlsLoadFlags          flags,
              GPtrArray            *diagnostics,
              GlsLoadProgressFunc   progress,
              gpointer              progress_data,
              GCancellable         *cancellable,
              GError              **error)
{
  Loader loader = { 0 };
  GError *local_error = NULL;
  GlsGlossary *glossary = NULL;
  const char *compression;
  gsize doctype;
  gsize size;

  loader.bytes = bytes;
  loader.data = g_bytes_get_data (bytes, &size);
  loader.size = size;
  loader.display_name = display_name;
  loader.flags = flags;
  loader.diagnostics = diagnostics;
  loader.cancellable = cancellable;
  loader.progress = progress;
  loader.progress_data = progress_data;
  loader.tag_cursor = NO_POSITION;
  loader.tags_in_step = TRUE;
  loader.mark = (LineMark) { 0, 1, 1 };

  if (size == 0)
    {
      add_diagnostic_at (&loader, GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_NOT_WELL_FORMED, 1, 1,
                         g_strdup (_("the file is empty")));
      goto out;
    }
  compression = compression_format (loader.data, loader.size);
  if (compression != NULL)
    {
      add_diagnostic_at (&loader, GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_NOT_GLOSSARY, 1, 1,
                         g_strdup_printf (_("not a glossary file: it is compressed with %s"),
                                          compression));
      goto out;
    }
  if (!convert_to_utf8 (&loader))
    goto out;
  if (loader.size >= 3 && memcmp (loader.data, "\xEF\xBB\xBF", 3) == 0)
    loader.content_start = 3;
  line_mark_reset (&loader, &loader.mark);
  loader.lone_cr = has_lone_cr (loader.data, loader.size);

  if (is_blank (loader.data + loader.content_start, loader.size - loader.content_start))
    {
      add_diagnostic_at (&loader, GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_NOT_WELL_FORMED, 1, 1,
                         g_strdup (loader.size == loader.content_start
                                   ? _("the file is empty")
                                   : _("the file holds only white space")));
      goto out;
    }
  if (loader.size > G_MAXINT)
    {
      add_diagnostic_at (&loader, GLS_SEVERITY_ERROR, GLS_LOAD_ERROR_TOO_LARGE, 0, 0,
                         g_strdup (_("the file is too large to read")));
      goto out;
    }
  if (find_doctype (&loader, &doctype))
    {
      error_at (&loader, GLS_LOAD_ERROR_FORBIDDEN, doctype,
                _("a DOCTYPE declaration is not allowed in a glossary file"));
      goto out;
    }

  loader.categories = g_ptr_array_new_with_free_func (g_object_unref);
  loader.category_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  loader.text = g_string_new (NULL);
  loader.stray = g_string_new (NULL);
  loader.definition = g_string_new (NULL);
  gls_term_data_init (&loader.term);
  loader.builder = gls_term_builder_new ();
  loader.term_ids = g_string_chunk_new (64 * 1024);
  loader.id_mask = 15;
  loader.id_slots = g_new0 (IdSlot, loader.id_mask + 1);
  loader.pending = g_array_new (FALSE, FALSE, sizeof (Pending));
  start_places (&loader);

  read_document (&loader, &local_error);
  if (local_error != NULL)
    goto out;
  /* Once every position is a line and column, the text can go, which for a
   * large file is most of the memory while the index is finished.
   */
  g_clear_pointer (&loader.parser, xmlFreeParserCtxt);
  finish_places (&loader);
  release_text (&loader);
  loader.terms = gls_term_builder_get_terms (loader.builder);

  if (loader.n_errors == 0)
    resolve_references (&loader);

out:
  g_ptr_array_sort (diagnostics, compare_diagnostics);

  /* Past the limit of the list, and after every problem listed. */
  if (loader.n_unlisted > 0)
    {
      GlsDiagnostic *summary = g_new0 (GlsDiagnostic, 1);

      summary->severity = GLS_SEVERITY_WARNING;
      summary->code = GLS_LOAD_ERROR_INVALID;
      summary->message = g_strdup_printf (g_dngettext (NULL, "%u more problem not listed",
                                                       "%u more problems not listed",
                                                       loader.n_unlisted),
                                          loader.n_unlisted);
      g_ptr_array_add (diagnostics, summary);
    }

  if (local_error != NULL)
    g_propagate_error (error, local_error);
  else if (loader.n_errors > 0)
    {
      for (guint i = 0; i < diagnostics->len; i++)
        {
          GlsDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
          g_autofree char *message = NULL;

          if (diagnostic->severity != GLS_SEVERITY_ERROR)
            continue;
          message = gls_diagnostic_format (diagnostic, display_name, FALSE);
          g_set_error_literal (error, GLS_LOAD_ERROR, diagnostic->code, message);
          break;
        }
    }
  else
    {
      loader.terms = NULL;
      glossary = _gls_glossary_new (&loader.header, file, g_steal_pointer (&loader.categories),
                                    g_steal_pointer (&loader.builder), loader.edges);
    }

  loader_clear (&loader);
  return glossary;
}
