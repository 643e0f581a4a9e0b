/* gls-row-model.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "gls-result-list.h"

G_BEGIN_DECLS

#define GLS_TYPE_ROW_ITEM (gls_row_item_get_type ())
G_DECLARE_FINAL_TYPE (GlsRowItem, gls_row_item, GLS, ROW_ITEM, GObject)

GlsTerm     *gls_row_item_get_term  (GlsRowItem    *self);
const char  *gls_row_item_get_query (GlsRowItem    *self);

#define GLS_TYPE_ROW_MODEL (gls_row_model_get_type ())
G_DECLARE_FINAL_TYPE (GlsRowModel, gls_row_model, GLS, ROW_MODEL, GObject)

GlsRowModel *gls_row_model_new      (GlsResultList *results) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS
