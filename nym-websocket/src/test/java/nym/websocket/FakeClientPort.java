package nym.websocket;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link MixnetClientPort} without a network: a message sent to {@link #OWN_ADDRESS} arrives in
 * its own buffer at once (the loop the seed's Go example makes through the mixnet); a recipient
 * that is not base58 is refused, as the real client refuses one.
 */
public class FakeClientPort implements MixnetClientPort {
    /** The recipient in the seed's TypeScript example; this fake's own address. */
    public static final String OWN_ADDRESS = "C5ht4YgZ58CGZZ1BNQzh56Fr2S69BkJcbkpK3NpBrHzk";
    public static final String OTHER_ADDRESS = "BfsNG1WGzLYNQwmSoZas969KFnXyKY9pbsQqSDmZWdyQ";
    /** A recipient the fake treats as valid but unknown to the network. */
    public static final String UNKNOWN_ADDRESS = "9XSGi1vR1Xy1HbSaPKNzwQ8gqLgqbDDVudYFr5Khi2xq";
    public static final int MAX_MESSAGE_BYTES = 2000;

    public record Sent(String recipient, String message) {}

    private final List<Sent> sent = new ArrayList<>();
    private final List<String> inbox = new ArrayList<>();
    private final List<Runnable> arrivalListeners = new CopyOnWriteArrayList<>();

    @Override
    public void send(String recipientAddress, String message) throws ClientPortException {
        send(recipientAddress, message, false);
    }

    /** A message to its own address arrives, with a made-up SURB ("SURB-n" in base64) if one was asked for. */
    @Override
    public synchronized void send(String recipientAddress, String message, boolean withReplySurb)
            throws ClientPortException {
        if (!recipientAddress.matches("[1-9A-HJ-NP-Za-km-z]{32,44}")) {
            throw new ClientPortException("malformed recipient address \"" + recipientAddress + "\": not base58");
        }
        if (recipientAddress.equals(UNKNOWN_ADDRESS)) {
            throw new ClientPortException("unknown recipient " + recipientAddress + ": not registered at any provider");
        }
        sent.add(new Sent(recipientAddress, message));
        if (recipientAddress.equals(OWN_ADDRESS)) {
            deliver(message, withReplySurb
                    ? java.util.Base64.getEncoder().encodeToString(("SURB-" + ++surbsMade).getBytes()) : null);
        }
    }

    @Override
    public void onArrival(Runnable listener) {
        arrivalListeners.add(listener);
    }

    @Override
    public void removeArrivalListener(Runnable listener) {
        arrivalListeners.remove(listener);
    }

    /** @return how many arrival listeners are registered */
    public int arrivalListenerCount() {
        return arrivalListeners.size();
    }

    private int fetchLimit = Integer.MAX_VALUE;
    /** The reply SURB of each message in the inbox, null for none. */
    private final List<String> inboxSurbs = new ArrayList<>();
    private final List<Sent> replies = new ArrayList<>();
    private int surbsMade;

    @Override
    public synchronized Fetched fetch() throws ClientPortException {
        int count = Math.min(fetchLimit, inbox.size());
        List<String> taken = inbox.subList(0, count);
        List<String> messages = List.copyOf(taken);
        taken.clear();
        List<String> surbsTaken = inboxSurbs.subList(0, count);
        List<String> surbs = new ArrayList<>(surbsTaken);
        surbsTaken.clear();
        return Fetched.of(messages, surbs, () -> { }, () -> { });
    }

    /** Refuses a SURB that is not base64, as the real client does; otherwise records the reply. */
    @Override
    public synchronized void reply(String replySurb, String message) throws ClientPortException {
        try {
            java.util.Base64.getDecoder().decode(replySurb);
        } catch (IllegalArgumentException e) {
            throw new ClientPortException("malformed reply_surb \"" + replySurb + "\"");
        }
        replies.add(new Sent(replySurb, message));
    }

    public synchronized List<Sent> replies() {
        return List.copyOf(replies);
    }

    /** From now on a fetch hands out at most {@code limit} messages, as the real client caps one. */
    public synchronized void limitFetch(int limit) {
        fetchLimit = limit;
    }

    @Override
    public List<String> clients() throws ClientPortException {
        return List.of(OWN_ADDRESS, OTHER_ADDRESS);
    }

    @Override
    public String ownAddress() {
        return OWN_ADDRESS;
    }

    @Override
    public int maxMessageBytes() {
        return MAX_MESSAGE_BYTES;
    }

    /** Puts {@code message} in the buffer, as if it had arrived through the mixnet, and says so. */
    public void deliver(String message) {
        deliver(message, null);
    }

    private void deliver(String message, String replySurb) {
        synchronized (this) {
            inbox.add(message);
            inboxSurbs.add(replySurb);
        }
        announceArrival();
    }

    /** Runs the arrival listeners, as the real client does when messages enter its buffer. */
    protected void announceArrival() {
        arrivalListeners.forEach(Runnable::run);
    }

    public synchronized List<Sent> sent() {
        return List.copyOf(sent);
    }
}
