// What Swift cannot import from GTK directly: function-like cast macros, variadic calls,
// and the libdispatch hooks that let the GLib main loop drain Swift's main queue.
#ifndef COHORT_CGTK_SHIM_H
#define COHORT_CGTK_SHIM_H

#include <gtk/gtk.h>
#include <adwaita.h>
#include <glib-unix.h>

// libdispatch's main-queue hooks (exported by libdispatch on Linux).
extern int _dispatch_get_main_queue_handle_4CF(void);
extern void _dispatch_main_queue_callback_4CF(void *msg);

static inline GtkWidget *cg_widget(gpointer p) { return GTK_WIDGET(p); }
static inline GtkWindow *cg_window(gpointer p) { return GTK_WINDOW(p); }
static inline GtkBox *cg_box(gpointer p) { return GTK_BOX(p); }
static inline GtkGrid *cg_grid(gpointer p) { return GTK_GRID(p); }
static inline GtkLabel *cg_label(gpointer p) { return GTK_LABEL(p); }
static inline GtkInscription *cg_inscription(gpointer p) { return GTK_INSCRIPTION(p); }
static inline GtkButton *cg_button(gpointer p) { return GTK_BUTTON(p); }
static inline GtkListBox *cg_list_box(gpointer p) { return GTK_LIST_BOX(p); }
static inline GtkListBoxRow *cg_list_box_row(gpointer p) { return GTK_LIST_BOX_ROW(p); }
static inline GtkStack *cg_stack(gpointer p) { return GTK_STACK(p); }
static inline GtkDropDown *cg_drop_down(gpointer p) { return GTK_DROP_DOWN(p); }
static inline GtkScrolledWindow *cg_scrolled(gpointer p) { return GTK_SCROLLED_WINDOW(p); }
static inline GtkPaned *cg_paned(gpointer p) { return GTK_PANED(p); }
static inline GtkHeaderBar *cg_header_bar(gpointer p) { return GTK_HEADER_BAR(p); }
static inline GtkApplication *cg_application(gpointer p) { return GTK_APPLICATION(p); }
static inline GApplication *cg_g_application(gpointer p) { return G_APPLICATION(p); }
static inline GtkAccessible *cg_accessible(gpointer p) { return GTK_ACCESSIBLE(p); }
static inline GtkEventController *cg_controller(gpointer p) { return GTK_EVENT_CONTROLLER(p); }
static inline GtkStackSwitcher *cg_stack_switcher(gpointer p) { return GTK_STACK_SWITCHER(p); }
static inline GObject *cg_object(gpointer p) { return G_OBJECT(p); }
static inline GtkStyleProvider *cg_style_provider(gpointer p) { return GTK_STYLE_PROVIDER(p); }
static inline GActionMap *cg_action_map(gpointer p) { return G_ACTION_MAP(p); }
static inline GtkRoot *cg_root(gpointer p) { return GTK_ROOT(p); }

// libadwaita's casts (1.2: Debian 12).
static inline AdwApplication *cg_adw_application(gpointer p) { return ADW_APPLICATION(p); }
static inline AdwApplicationWindow *cg_adw_app_window(gpointer p) { return ADW_APPLICATION_WINDOW(p); }
static inline AdwHeaderBar *cg_adw_header_bar(gpointer p) { return ADW_HEADER_BAR(p); }
static inline AdwViewStack *cg_adw_view_stack(gpointer p) { return ADW_VIEW_STACK(p); }
static inline AdwViewSwitcherTitle *cg_adw_switcher_title(gpointer p) { return ADW_VIEW_SWITCHER_TITLE(p); }
static inline AdwViewSwitcherBar *cg_adw_switcher_bar(gpointer p) { return ADW_VIEW_SWITCHER_BAR(p); }
static inline AdwFlap *cg_adw_flap(gpointer p) { return ADW_FLAP(p); }
static inline AdwToastOverlay *cg_adw_toast_overlay(gpointer p) { return ADW_TOAST_OVERLAY(p); }
static inline AdwStatusPage *cg_adw_status_page(gpointer p) { return ADW_STATUS_PAGE(p); }
static inline AdwPreferencesWindow *cg_adw_prefs_window(gpointer p) { return ADW_PREFERENCES_WINDOW(p); }
static inline AdwPreferencesPage *cg_adw_prefs_page(gpointer p) { return ADW_PREFERENCES_PAGE(p); }
static inline AdwPreferencesGroup *cg_adw_prefs_group(gpointer p) { return ADW_PREFERENCES_GROUP(p); }
static inline AdwMessageDialog *cg_adw_message_dialog(gpointer p) { return ADW_MESSAGE_DIALOG(p); }
static inline AdwAboutWindow *cg_adw_about_window(gpointer p) { return ADW_ABOUT_WINDOW(p); }
static inline AdwActionRow *cg_adw_action_row(gpointer p) { return ADW_ACTION_ROW(p); }
static inline AdwPreferencesRow *cg_adw_prefs_row(gpointer p) { return ADW_PREFERENCES_ROW(p); }

static inline gboolean cg_is_list_box(gpointer p) { return GTK_IS_LIST_BOX(p); }
static inline gboolean cg_is_viewport(gpointer p) { return GTK_IS_VIEWPORT(p); }
static inline GtkViewport *cg_viewport(gpointer p) { return GTK_VIEWPORT(p); }
static inline GType cg_scrolled_window_type(void) { return GTK_TYPE_SCROLLED_WINDOW; }
static inline gboolean cg_is_flow_box(gpointer p) { return GTK_IS_FLOW_BOX(p); }

// Accessible properties are set through a variadic call.
static inline void cg_accessible_set_label(gpointer w, const char *label) {
  gtk_accessible_update_property(GTK_ACCESSIBLE(w), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}
static inline void cg_accessible_set_description(gpointer w, const char *text) {
  gtk_accessible_update_property(GTK_ACCESSIBLE(w), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
}

#endif
