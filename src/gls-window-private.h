/* gls-window-private.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "gls-letter-sidebar.h"
#include "gls-term-view.h"
#include "gls-window.h"

G_BEGIN_DECLS

struct _GlsWindow
{
  GtkApplicationWindow  parent_instance;

  GtkButton            *back_button;
  GtkLabel             *banner_title;
  GtkLabel             *banner_message;
  GtkImage             *banner_icon;
  GtkRevealer          *banner_revealer;
  GtkDropDown          *category_dropdown;
  GtkButton            *clear_filters_button;
  GtkLabel             *count_label;
  GtkLabel             *empty_title_label;
  GtkButton            *forward_button;
  GtkMenuButton        *menu_button;
  GMenuModel           *primary_menu;
  GtkPaned             *inner_paned;
  GlsLetterSidebar     *letter_sidebar;
  GtkListView          *list_view;
  GtkPaned             *outer_paned;
  GtkProgressBar       *progress_bar;
  GtkLabel             *progress_label;
  GtkRevealer          *progress_revealer;
  GtkStack             *results_stack;
  GtkSearchEntry       *search_entry;
  GtkLabel             *subtitle_label;
  GtkBox               *suggestions_box;
  GlsTermView          *term_view;
  GtkLabel             *title_label;

  GSettings            *settings;
  GlsGlossary          *glossary;
  GlsResultList        *results;
  GtkSingleSelection   *selection;
  /* Part of the selection's model until the first frame is painted */
  GtkSliceListModel    *first_frame_rows;
  guint                 finish_first_frame_id;
  GtkStringList        *category_labels;
  char                **category_ids;

  /* Term ids, oldest first; history_position is the one shown. */
  GPtrArray            *history;
  guint                 history_position;
  gboolean              history_from_list;

  GCancellable         *open_cancellable;
  GFile                *opening_file;
  guint                 progress_timeout;
  guint                 progress_permille;

  gboolean              show_sidebar;
  gboolean              updating;
};

typedef enum
{
  GLS_HISTORY_PUSH,      /* a link: a new step back can return from */
  GLS_HISTORY_BROWSE,    /* moving through the list: one step, kept up to date */
  GLS_HISTORY_NONE,      /* walking the history itself */
} GlsHistoryMode;

void gls_window_class_install_actions (GtkWidgetClass *widget_class);
void gls_window_update_actions        (GlsWindow      *self);
void gls_window_show_term             (GlsWindow      *self,
                                       GlsTerm        *term,
                                       GlsHistoryMode  mode);
void gls_window_set_category          (GlsWindow      *self,
                                       const char     *category_id);
void gls_window_clear_filters         (GlsWindow      *self);
void gls_window_choose_file           (GlsWindow      *self);
void gls_window_cancel_open           (GlsWindow      *self);

G_END_DECLS
