/* gls-bench-floor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The floors under the loader's time: libxml2's streaming reader walking the
 * same bytes with the same options and doing nothing with what it reads,
 * and libxml2's SAX parser, which the loader is built on, doing the same.
 */
#include "config.h"

#include <libxml/parser.h>
#include <libxml/xmlreader.h>

#include "gls-bench-floor.h"

/* The options src/gls-xml-loader.c parses with. */
#define FLOOR_PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES)

/*
 * Reads every node of @data.  libxml2 must have been initialised
 * (gls_loader_init() does it).
 *
 * Returns: whether the reader reached the end without an error
 */
gboolean
gls_bench_read_floor (const char *data,
                      gsize       size)
{
  xmlTextReaderPtr reader;
  int status;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (size <= G_MAXINT, FALSE);

  reader = xmlReaderForMemory (data, (int) size, NULL, NULL, FLOOR_PARSE_OPTIONS);
  if (reader == NULL)
    return FALSE;
  while ((status = xmlTextReaderRead (reader)) == 1)
    ;
  xmlFreeTextReader (reader);
  return status == 0;
}

/*
 * Parses @data with libxml2's SAX interface, in chunks of the size the
 * loader hands over, with no callback at all: what the loader's parsing
 * costs before it does anything with the events.
 *
 * Returns: whether the document was well formed
 */
gboolean
gls_bench_parse_floor (const char *data,
                       gsize       size,
                       gsize       chunk_size)
{
  xmlSAXHandler handler = { 0 };
  xmlParserCtxtPtr parser;
  gsize done = MIN (size, 4);
  gboolean ok;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (size <= G_MAXINT, FALSE);

  handler.initialized = XML_SAX2_MAGIC;
  parser = xmlCreatePushParserCtxt (&handler, NULL, data, (int) done, NULL);
  if (parser == NULL)
    return FALSE;
  xmlCtxtUseOptions (parser, FLOOR_PARSE_OPTIONS);
  while (done < size)
    {
      gsize length = MIN (chunk_size, size - done);

      xmlParseChunk (parser, data + done, (int) length, 0);
      done += length;
    }
  xmlParseChunk (parser, NULL, 0, 1);
  ok = parser->wellFormed != 0;
  xmlFreeParserCtxt (parser);
  return ok;
}
