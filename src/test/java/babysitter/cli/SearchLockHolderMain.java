package babysitter.cli;

import babysitter.search.Search;
import java.nio.file.Path;

/** Opens the search in {@code args[0]} (holding its lock), prints "LOCKED" and waits to be killed. */
public final class SearchLockHolderMain {
    private SearchLockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        Search s = Search.open(Path.of(args[0]));
        System.out.println("LOCKED " + ProcessHandle.current().pid());
        System.out.flush();
        Thread.sleep(600_000);
        s.close();
    }
}
