package nym.cli.wiring;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import nym.provider.ProviderException;
import nym.provider.client.ClientMessageStore;

/**
 * A real {@link ClientMessageStore} whose n-th call of one method fails once, as a full disk or an
 * I/O error would, before it changes anything. It notes the provider ids of the payloads it stored,
 * and runs a listener after every call, so a test can wait on what the store holds.
 */
final class FailingClientStore implements InvocationHandler {
    private final ClientMessageStore store;
    private final String failingMethod;
    private final int failingCall;
    private final Runnable afterEachCall;
    private final Set<Long> storedOriginIds = ConcurrentHashMap.newKeySet();
    private int calls;

    private FailingClientStore(ClientMessageStore store, String failingMethod, int failingCall, Runnable afterEachCall) {
        this.store = store;
        this.failingMethod = failingMethod;
        this.failingCall = failingCall;
        this.afterEachCall = afterEachCall;
    }

    /**
     * @param failingCall which call of {@code failingMethod} fails, counting from 1
     * @return {@code store}, failing that call
     */
    static FailingClientStore wrap(ClientMessageStore store, String failingMethod, int failingCall,
            Runnable afterEachCall) {
        return new FailingClientStore(store, failingMethod, failingCall, afterEachCall);
    }

    /** @return the store to hand to the client */
    ClientMessageStore proxy() {
        return (ClientMessageStore) Proxy.newProxyInstance(ClientMessageStore.class.getClassLoader(),
                new Class<?>[] {ClientMessageStore.class}, this);
    }

    /** @return whether the failing call has come */
    synchronized boolean failed() {
        return calls >= failingCall;
    }

    /** @return whether the payload with this provider id is in the store (stored now or before) */
    boolean stored(long originId) {
        return storedOriginIds.contains(originId);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        try {
            if (method.getName().equals(failingMethod) && countCall() == failingCall) {
                throw new ProviderException(ProviderException.Reason.STORAGE, "injected failure of " + failingMethod);
            }
            Object result = method.invoke(store, args);
            if (method.getName().equals("storePayload")) {
                storedOriginIds.add((Long) args[1]); // returned: stored durably, or a redelivery of a stored one
            }
            return result;
        } catch (InvocationTargetException e) {
            throw e.getCause();
        } finally {
            afterEachCall.run();
        }
    }

    private synchronized int countCall() {
        return ++calls;
    }
}
