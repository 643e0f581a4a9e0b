/* gls-bench-floor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The floor under the loader's time: libxml2's streaming reader walking the
 * same bytes with the same options, and doing nothing with what it reads.
 * No loader built on that reader can be faster.
 */
#include "config.h"

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
