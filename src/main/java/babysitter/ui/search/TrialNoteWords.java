package babysitter.ui.search;

import babysitter.i18n.Texts;
import babysitter.report.ProblemWords;
import babysitter.search.Param;
import babysitter.search.TrialNote;

/**
 * A trial's note as the Search window says it, in the window's language. A note read from an older
 * file has only its English sentence, which is shown as it was recorded; so is an error's own message.
 */
final class TrialNoteWords {
    private TrialNoteWords() {
    }

    static String say(TrialNote note) {
        return switch (note.kind()) {
            case NONE -> "";
            case MEDIAN -> Texts.get(note.kind().key(), note.number(0), note.whole(1), note.number(2), note.whole(3));
            case HALVING -> Texts.get(note.kind().key(), note.whole(0), note.number(1), note.whole(2), note.whole(3),
                    Param.num(note.number(4)), note.number(5));
            // a cost that ran away is shown as the command line writes it (NaN, Infinity, 1.0E12), α as everywhere
            case DIVERGED, DIVERGED_DEV -> Texts.get(note.kind().key(), note.whole(0), String.valueOf(note.number(1)),
                    Param.num(note.number(2)));
            case CANCELLED -> Texts.get(note.kind().key(), note.whole(0));
            case INVALID_VALUE -> Texts.get(note.kind().key(), note.words(0), ProblemWords.invalidValue(note.invalidValue()));
            default -> Texts.get(note.kind().key(), note.values().toArray());
        };
    }
}
