#ifndef USHER_CREADLINE_SHIM_H
#define USHER_CREADLINE_SHIM_H
#include <stdio.h>
#include <string.h>
#include <readline/readline.h>
#include <readline/history.h>

/* Readline keeps its state in C globals, which Swift 6 will not touch directly; these
   accessors are the only way usher reads or sets them. */

static inline void usher_rl_configure(const char *name, rl_completion_func_t *complete, const char *breaks) {
    /* Copies: Swift's string arguments last only for the call. */
    rl_readline_name = strdup(name);
    rl_attempted_completion_function = complete;
    rl_completer_word_break_characters = strdup(breaks);
}

/* The line typed so far, up to the cursor (a copy for the caller to free). */
static inline char *usher_rl_line_to_cursor(void) {
    return strndup(rl_line_buffer ? rl_line_buffer : "", (size_t)rl_point);
}

static inline void usher_rl_no_default_completion(void) { rl_attempted_completion_over = 1; }

/* What follows a unique completion: a space, or nothing after a directory. */
static inline void usher_rl_append_after_completion(int character) { rl_completion_append_character = character; }

/* usher handles SIGINT, SIGWINCH and SIGCONT itself, on its main loop; readline's own handlers
   would echo a second ^C when a signal lands while it reads a key. */
static inline void usher_rl_no_signal_handlers(void) {
    rl_catch_signals = 0;
    rl_catch_sigwinch = 0;
}

/* Where prompts and echo go: stderr when stdout is redirected to a file. */
static inline void usher_rl_output_to_stderr(void) { rl_outstream = stderr; }

/* Writes text where readline writes, so it lands in order with the prompt and echo. */
static inline void usher_rl_print(const char *text) {
    FILE *stream = rl_outstream ? rl_outstream : stdout;
    fputs(text, stream);
    fflush(stream);
}

static inline void usher_rl_move_to_end(void) { rl_point = rl_end; }

/* The line being edited (a copy for the caller to free) and the cursor, to restore after a stop. */
static inline char *usher_rl_line_copy(void) { return strdup(rl_line_buffer ? rl_line_buffer : ""); }
static inline int usher_rl_point(void) { return rl_point; }
static inline void usher_rl_set_point(int point) { rl_point = point < rl_end ? point : rl_end; }

/* The newest history line, or NULL. */
static inline const char *usher_history_last(void) {
    HIST_ENTRY *entry = history_get(history_base + history_length - 1);
    return entry ? entry->line : NULL;
}
#endif
