/* gls-linker.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Turns a definition into Pango markup with links: the file's inline
 * references, the first mention of another term's name or alias (whole
 * words, case and accents aside), and web addresses.
 */
#include "config.h"

#include <string.h>

#include "gls-fold.h"
#include "gls-glossary-private.h"
#include "gls-linker.h"
#include "gls-term-private.h"

/* The longest name, in words, that a mention is tried for. */
#define MAX_MENTION_WORDS 8

typedef struct
{
  guint folded_start;    /* in the folded text */
  guint folded_end;
  guint source_start;    /* in the definition */
  guint source_end;
} Word;

static int
compare_links (gconstpointer a,
               gconstpointer b)
{
  const GlsLink *la = a;
  const GlsLink *lb = b;

  return (la->start > lb->start) - (la->start < lb->start);
}

static gboolean
overlaps (GArray *links,
          guint   start,
          guint   end)
{
  for (guint i = 0; i < links->len; i++)
    {
      const GlsLink *link = &g_array_index (links, GlsLink, i);

      if (start < link->end && link->start < end)
        return TRUE;
    }
  return FALSE;
}

/* Returns: (nullable): the term whose name or an alias folds to @compact */
static GlsTerm *
lookup_name (const GlsSearchIndex *index,
             const char           *compact)
{
  guint lo = 0;
  guint hi = index->n_typo_keys;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (strcmp (index->typo_keys[mid].key, compact) < 0)
        lo = mid + 1;
      else
        hi = mid;
    }
  if (lo < index->n_typo_keys && strcmp (index->typo_keys[lo].key, compact) == 0)
    return index->terms[index->typo_keys[lo].ordinal];
  return NULL;
}

static void
find_web_addresses (const char *text,
                    GArray     *links)
{
  const char *p = text;

  while ((p = strstr (p, "http")) != NULL)
    {
      const char *end = p;
      GlsLink link;

      if ((p > text && !g_ascii_isspace (p[-1]) && p[-1] != '(') ||
          !(g_str_has_prefix (p, "http://") || g_str_has_prefix (p, "https://")))
        {
          p += 4;
          continue;
        }
      while (*end != '\0' && !g_ascii_isspace (*end) && *end != '<' && *end != '"')
        end++;
      /* Punctuation that ends a sentence is not part of the address. */
      while (end > p && strchr (".,;:!?)'", end[-1]) != NULL)
        end--;

      link.start = p - text;
      link.end = end - text;
      link.kind = GLS_LINK_WEB;
      link.target = NULL;
      if (!overlaps (links, link.start, link.end))
        g_array_append_val (links, link);
      p = end;
    }
}

static void
find_mentions (GlsGlossary *glossary,
               GlsTerm     *term,
               const char  *text,
               GArray      *links,
               GHashTable  *linked)
{
  const GlsSearchIndex *index = _gls_glossary_get_search_index (glossary);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) words = g_array_new (FALSE, FALSE, sizeof (Word));
  g_autoptr(GString) folded = g_string_new (NULL);
  g_autoptr(GString) compact = g_string_new (NULL);

  gls_fold_append (folded, text, -1, GLS_FOLD_WORDS, offsets);
  for (guint start = 0; start < folded->len;)
    {
      Word word;
      guint end = start;

      while (end < folded->len && folded->str[end] != ' ')
        end++;
      word.folded_start = start;
      word.folded_end = end;
      word.source_start = g_array_index (offsets, guint, start);
      word.source_end = g_utf8_next_char (text + g_array_index (offsets, guint, end - 1)) - text;
      g_array_append_val (words, word);
      start = end + 1;
    }

  for (guint i = 0; i < words->len;)
    {
      guint longest = MIN (MAX_MENTION_WORDS, words->len - i);
      gboolean found = FALSE;

      for (guint n = longest; n > 0 && !found; n--)
        {
          const Word *first = &g_array_index (words, Word, i);
          const Word *last = &g_array_index (words, Word, i + n - 1);
          GlsTerm *target;
          GlsLink link;

          g_string_truncate (compact, 0);
          for (guint w = i; w < i + n; w++)
            {
              const Word *word = &g_array_index (words, Word, w);

              g_string_append_len (compact, folded->str + word->folded_start,
                                   word->folded_end - word->folded_start);
            }

          target = lookup_name (index, compact->str);
          if (target == NULL || target == term ||
              g_hash_table_contains (linked, gls_term_get_id (target)) ||
              overlaps (links, first->source_start, last->source_end))
            continue;

          link.start = first->source_start;
          link.end = last->source_end;
          link.kind = GLS_LINK_MENTION;
          link.target = gls_term_get_id (target);
          g_array_append_val (links, link);
          g_hash_table_add (linked, (char *) link.target);
          i += n;
          found = TRUE;
        }
      if (!found)
        i++;
    }
}

/*
 * Finds the links of @term's definition number @definition, in order.
 * @linked holds the ids of terms already linked in the view (borrowed
 * strings): a term is linked by mention only once, and never @term itself.
 *
 * Returns: (transfer full): a GArray of GlsLink
 */
GArray *
gls_linker_find_links (GlsGlossary *glossary,
                       GlsTerm     *term,
                       guint        definition,
                       GHashTable  *linked)
{
  GArray *links = g_array_new (FALSE, FALSE, sizeof (GlsLink));
  const GlsReference *references;
  const char *text;
  guint n_references;

  g_return_val_if_fail (GLS_IS_GLOSSARY (glossary), links);
  g_return_val_if_fail (GLS_IS_TERM (term), links);
  g_return_val_if_fail (definition < gls_term_get_n_definitions (term), links);
  g_return_val_if_fail (linked != NULL, links);

  text = gls_term_get_definition (term, definition);
  references = gls_term_get_references (term, definition, &n_references);
  for (guint i = 0; i < n_references; i++)
    {
      GlsLink link = {
        references[i].start, references[i].end, GLS_LINK_REFERENCE, references[i].term_id
      };

      g_array_append_val (links, link);
      g_hash_table_add (linked, (char *) link.target);
    }

  find_web_addresses (text, links);
  find_mentions (glossary, term, text, links, linked);
  g_array_sort (links, compare_links);
  return links;
}

/* Returns: (transfer full): the URI of a link to @term */
char *
gls_linker_term_uri (GlsTerm *term)
{
  g_return_val_if_fail (GLS_IS_TERM (term), NULL);

  return g_strconcat (GLS_TERM_URI_SCHEME, gls_term_get_id (term), NULL);
}

/* Returns: (nullable): the term id of a term link, NULL for other URIs */
const char *
gls_linker_uri_get_term_id (const char *uri)
{
  g_return_val_if_fail (uri != NULL, NULL);

  if (!g_str_has_prefix (uri, GLS_TERM_URI_SCHEME))
    return NULL;
  return uri + strlen (GLS_TERM_URI_SCHEME);
}

static void
append_escaped (GString    *markup,
                const char *text,
                gssize      length)
{
  g_autofree char *escaped = g_markup_escape_text (text, length);

  g_string_append (markup, escaped);
}

/* Returns: (transfer full): the definition as Pango markup with its links */
char *
gls_linker_markup (GlsGlossary *glossary,
                   GlsTerm     *term,
                   guint        definition,
                   GHashTable  *linked)
{
  g_autoptr(GArray) links = NULL;
  GString *markup;
  const char *text;
  guint cursor = 0;

  g_return_val_if_fail (GLS_IS_GLOSSARY (glossary), NULL);
  g_return_val_if_fail (GLS_IS_TERM (term), NULL);
  g_return_val_if_fail (definition < gls_term_get_n_definitions (term), NULL);

  text = gls_term_get_definition (term, definition);
  links = gls_linker_find_links (glossary, term, definition, linked);
  markup = g_string_sized_new (strlen (text) + links->len * 32);

  for (guint i = 0; i < links->len; i++)
    {
      const GlsLink *link = &g_array_index (links, GlsLink, i);
      g_autofree char *uri = NULL;

      append_escaped (markup, text + cursor, link->start - cursor);
      if (link->kind == GLS_LINK_WEB)
        uri = g_strndup (text + link->start, link->end - link->start);
      else
        uri = g_strconcat (GLS_TERM_URI_SCHEME, link->target, NULL);
      g_string_append (markup, "<a href=\"");
      append_escaped (markup, uri, -1);
      g_string_append (markup, "\">");
      append_escaped (markup, text + link->start, link->end - link->start);
      g_string_append (markup, "</a>");
      cursor = link->end;
    }
  append_escaped (markup, text + cursor, -1);
  return g_string_free (markup, FALSE);
}
