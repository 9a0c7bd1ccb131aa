package babysitter.search;

import java.nio.file.Path;

/**
 * A search in a child process for {@link SearchKillTest}: prints {@code FINISHED id} when a trial
 * finishes and {@code EPOCH id e} after every epoch, and trains until it is killed or done.
 */
public final class SearchKillMain {
    private SearchKillMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int trials = Integer.parseInt(args[1]);
        int epochs = Integer.parseInt(args[2]);
        try (Search s = Search.create(dir, SearchTest.space(), Method.RANDOM, trials, 0,
                new Settings(epochs, 1, EarlyStopping.none(), 21)); LocalExecutor ex = new LocalExecutor(1)) {
            s.addListener(new SearchListener() {
                @Override
                public void onTrial(Trial t) {
                    if (t.state().finished()) {
                        System.out.println("FINISHED " + t.id());
                    } else if (t.state() == TrialState.RUNNING && !t.curve().isEmpty()) {
                        System.out.println("EPOCH " + t.id() + " " + t.curve().size());
                    }
                    System.out.flush();
                }
            });
            s.run(ex);
        }
        System.out.println("DONE");
    }
}
