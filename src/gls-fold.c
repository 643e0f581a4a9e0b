/* gls-fold.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "gls-fold.h"
#include "gls-swar-private.h"

typedef struct
{
  GString     *out;
  GArray      *source_offsets;
  GlsFoldMode  mode;
  gboolean     pending_space;
} Folder;

static inline void
folder_break (Folder *folder)
{
  if (folder->mode == GLS_FOLD_WORDS && folder->out->len > 0)
    folder->pending_space = TRUE;
}

static inline void
folder_note_offsets (Folder *folder,
                     gsize   before,
                     guint   source_offset)
{
  if (folder->source_offsets == NULL)
    return;
  for (gsize i = before; i < folder->out->len; i++)
    g_array_append_val (folder->source_offsets, source_offset);
}

/* Appends one folded character, given as UTF-8, after a pending space. */
static void
folder_emit (Folder     *folder,
             const char *utf8,
             gssize      length,
             guint       source_offset)
{
  gsize before;

  if (folder->pending_space)
    {
      g_string_append_c (folder->out, ' ');
      folder_note_offsets (folder, folder->out->len - 1, source_offset);
      folder->pending_space = FALSE;
    }
  before = folder->out->len;
  g_string_append_len (folder->out, utf8, length);
  folder_note_offsets (folder, before, source_offset);
}

static inline void
folder_emit_ascii (Folder *folder,
                   char    c,
                   guint   source_offset)
{
  folder_emit (folder, &c, 1, source_offset);
}

static void
folder_emit_unichar (Folder   *folder,
                     gunichar  c,
                     guint     source_offset)
{
  char utf8[6];

  folder_emit (folder, utf8, g_unichar_to_utf8 (c, utf8), source_offset);
}

static inline gboolean
is_joiner (gunichar c)
{
  /* Apostrophes join the parts of a word: "customer's" folds to "customers". */
  return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static void
fold_non_ascii (Folder   *folder,
                gunichar  c,
                guint     source_offset)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  gsize n_decomposed;

  if (is_joiner (c))
    return;

  n_decomposed = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n_decomposed; i++)
    {
      gunichar base = decomposed[i];
      char utf8[8];
      g_autofree char *folded = NULL;
      int utf8_len;

      if (g_unichar_ismark (base))
        continue;

      if (base < 0x80)
        {
          if (g_ascii_isalnum (base))
            folder_emit_ascii (folder, g_ascii_tolower (base), source_offset);
          else if (!is_joiner (base))
            folder_break (folder);
          continue;
        }

      utf8_len = g_unichar_to_utf8 (base, utf8);
      folded = g_utf8_casefold (utf8, utf8_len);
      for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar f = g_utf8_get_char (p);

          if (g_unichar_ismark (f))
            continue;
          if (g_unichar_isalnum (f))
            folder_emit_unichar (folder, f, source_offset);
          else
            folder_break (folder);
        }
    }
}

/*
 * The common case, without offsets: ASCII runs are folded straight into the
 * string's buffer, a byte at a time, and only other characters take the
 * Unicode path.  For ASCII, the folded text is never longer than the text
 * (a space stands for at least one separator), plus one leading space.
 */
static void
fold_fast (Folder     *folder,
           const char *text,
           const char *end)
{
  GString *out = folder->out;
  gsize base = out->len;
  char *dst;

  g_string_set_size (out, base + (end - text) + 1);
  dst = out->str + base;

  for (const char *p = text; p < end;)
    {
      guchar c;

      /* Letters and digits go eight bytes at once, up to the first other
       * byte, which the code below takes.  There is room to store all
       * eight: the output is at least as long as what is left of the text.
       */
      while (end - p >= 8)
        {
          guint64 word = gls_swar_load (p);
          guint64 seven = word & GLS_BYTES (0x7f);
          guint64 lower = seven | GLS_BYTES (0x20);
          /* 0x80 in each byte from a to z once lowered, or from 0 to 9. */
          guint64 letters = (lower + GLS_BYTES (0x80 - 'a')) & ~(lower + GLS_BYTES (0x7f - 'z'));
          guint64 digits = (seven + GLS_BYTES (0x80 - '0')) & ~(seven + GLS_BYTES (0x7f - '9'));
          guint64 others = ~((letters | digits) & ~word) & GLS_BYTES (0x80);
          guint n = others != 0 ? gls_swar_first (others) : 8;

          /* Words apart by single spaces go whole too, as they are: a space
           * first stands for the one pending, if the output has begun, and
           * a space last waits for a word like any separator.
           */
          if (others != 0 && folder->mode == GLS_FOLD_WORDS)
            {
              guint64 flipped = word ^ GLS_BYTES (' ');
              guint64 spaces = ~(((flipped & GLS_BYTES (0x7f)) + GLS_BYTES (0x7f)) | flipped |
                                 GLS_BYTES (0x7f));

              if (others == spaces && (spaces & (spaces >> 8)) == 0 &&
                  (n != 0 || dst > out->str))
                {
                  if (folder->pending_space && n != 0)
                    *dst++ = ' ';
                  folder->pending_space = FALSE;
                  word = GUINT64_TO_LE (word | ((letters & GLS_BYTES (0x80)) >> 2));
                  memcpy (dst, &word, 8);
                  dst += 8;
                  p += 8;
                  if ((spaces >> 63) != 0)
                    {
                      dst--;
                      folder->pending_space = TRUE;
                    }
                  continue;
                }
            }
          if (n == 0)
            break;
          if (folder->pending_space)
            {
              *dst++ = ' ';
              folder->pending_space = FALSE;
            }
          word = GUINT64_TO_LE (word | ((letters & GLS_BYTES (0x80)) >> 2));
          memcpy (dst, &word, 8);
          dst += n;
          p += n;
          if (n < 8)
            break;
        }
      if (p == end)
        break;

      c = (guchar) *p;
      if (c < 0x80)
        {
          if ((guint) (c - 'a') < 26u || (guint) (c - '0') < 10u || (guint) (c - 'A') < 26u)
            {
              if (folder->pending_space)
                {
                  *dst++ = ' ';
                  folder->pending_space = FALSE;
                }
              *dst++ = (guint) (c - 'A') < 26u ? c + ('a' - 'A') : c;
            }
          else if (c != '\'' && folder->mode == GLS_FOLD_WORDS && dst > out->str)
            folder->pending_space = TRUE;
          p++;
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          g_string_truncate (out, dst - out->str);
          fold_non_ascii (folder, g_utf8_get_char (p), p - text);
          base = out->len;
          g_string_set_size (out, base + (end - next) + 1);
          dst = out->str + base;
          p = next;
        }
    }
  g_string_truncate (out, dst - out->str);
}

/*
 * Appends the folded form of @text to @out.  When @source_offsets is given,
 * one guint per byte appended says which byte of @text produced it, so a
 * match found in the folded form can be highlighted in the original.
 * @text must be valid UTF-8.
 */
void
gls_fold_append (GString     *out,
                 const char  *text,
                 gssize       length,
                 GlsFoldMode  mode,
                 GArray      *source_offsets)
{
  Folder folder = { out, source_offsets, mode, FALSE };
  const char *end;
  const char *p;

  g_return_if_fail (out != NULL);
  g_return_if_fail (text != NULL || length == 0);

  if (length < 0)
    length = strlen (text);
  end = text + length;

  /* Words appended to words already there are kept apart by one space. */
  if (mode == GLS_FOLD_WORDS && out->len > 0 && out->str[out->len - 1] != ' ')
    folder.pending_space = TRUE;

  if (source_offsets == NULL)
    {
      fold_fast (&folder, text, end);
      return;
    }

  for (p = text; p < end;)
    {
      guchar c = (guchar) *p;

      if (c < 0x80)
        {
          if (c >= 'A' && c <= 'Z')
            folder_emit_ascii (&folder, c + ('a' - 'A'), p - text);
          else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            folder_emit_ascii (&folder, c, p - text);
          else if (c != '\'')
            folder_break (&folder);
          p++;
        }
      else
        {
          fold_non_ascii (&folder, g_utf8_get_char (p), p - text);
          p = g_utf8_next_char (p);
        }
    }
}

char *
gls_fold (const char  *text,
          GlsFoldMode  mode)
{
  GString *out;
  gsize length;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  gls_fold_append (out, text, -1, mode, NULL);
  /* A GString keeps room to grow; a key kept for each term of a large
   * glossary should not.
   */
  length = out->len;
  return g_realloc (g_string_free (out, FALSE), length + 1);
}
