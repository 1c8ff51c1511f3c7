//! Work split over every core: a slice cut into one contiguous run per thread, or
//! streamed item by item to a sink in the slice's order; results keep the slice's order.

/// `f` of every item, computed on every core (in place for a short slice or one core).
pub fn map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = cores();
    if threads < 2 || items.len() < 2 {
        return items.iter().map(f).collect();
    }
    let per_thread = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|scope| {
        let mut runs = items.chunks(per_thread);
        // The first run is this thread's own; the others each get a new thread.
        let first = runs.next().unwrap_or_default();
        let others: Vec<_> = runs
            .map(|run| scope.spawn(move || run.iter().map(f).collect::<Vec<R>>()))
            .collect();
        let mut all = Vec::with_capacity(items.len());
        all.extend(first.iter().map(f));
        for run in others {
            // A panic in `f` is a bug; it goes on in this thread as it would have.
            match run.join() {
                Ok(results) => all.extend(results),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        all
    })
}

/// `f` of every item computed on every core, handed to `sink` in the items' order as soon
/// as each is ready (workers take the next item when they finish one, so uneven items
/// keep every core busy). Items are taken from `items` as they are needed and at most
/// `window` are computed ahead of `sink`, which bounds memory; the first error `sink`
/// returns stops the work and is returned.
pub fn for_each_in_order<T: Send, R: Send, E>(
    items: impl Iterator<Item = T> + Send,
    window: usize,
    f: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E> {
    let threads = cores();
    if threads < 2 {
        return items.map(f).try_for_each(sink);
    }
    let queue = OrderedQueue::new(items, window.max(1));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| queue.work(&f));
        }
        // Stops the workers however the sink ends (an error, or a panic unwinding).
        let _stop = StopOnDrop(&queue);
        queue.drain(&mut sink)
    })
}

/// Stops an [`OrderedQueue`] when dropped.
struct StopOnDrop<'q, I: Iterator, R>(&'q OrderedQueue<I, R>);

impl<I: Iterator, R> Drop for StopOnDrop<'_, I, R> {
    fn drop(&mut self) {
        self.0.stop();
    }
}

/// The state shared by [`for_each_in_order`]'s workers and its sink.
struct OrderedQueue<I: Iterator, R> {
    state: std::sync::Mutex<QueueState<I, R>>,
    /// Signalled when the sink's next result (or the end, or a panic) may be there.
    result_ready: std::sync::Condvar,
    /// Signalled when the window has room for workers waiting on it.
    room: std::sync::Condvar,
    window: usize,
}

struct QueueState<I: Iterator, R> {
    items: I,
    /// The index of the next item a worker takes.
    next: usize,
    /// Items handed to the sink so far.
    drained: usize,
    /// Results computed and not yet drained, by item index.
    ready: std::collections::BTreeMap<usize, R>,
    /// How many items there are, once the last has been taken.
    len: Option<usize>,
    /// A worker's panic, to go on in the sink's thread.
    panic: Option<Box<dyn std::any::Any + Send>>,
    stopped: bool,
    /// Workers waiting for room in the window.
    waiting: usize,
}

type Guard<'a, I, R> = std::sync::MutexGuard<'a, QueueState<I, R>>;

impl<I: Iterator, R> OrderedQueue<I, R> {
    fn new(items: I, window: usize) -> Self {
        OrderedQueue {
            state: std::sync::Mutex::new(QueueState {
                items,
                next: 0,
                drained: 0,
                ready: Default::default(),
                len: None,
                panic: None,
                stopped: false,
                waiting: 0,
            }),
            result_ready: std::sync::Condvar::new(),
            room: std::sync::Condvar::new(),
            window,
        }
    }

    fn lock(&self) -> Guard<'_, I, R> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    fn wait<'a>(signal: &std::sync::Condvar, guard: Guard<'a, I, R>) -> Guard<'a, I, R> {
        signal
            .wait(guard)
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// A worker: computes items in order until none is left or the queue stops.
    fn work(&self, compute: &impl Fn(I::Item) -> R) {
        while let Some((index, item)) = self.take() {
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| compute(item)));
            let mut state = self.lock();
            let awaited = index == state.drained || result.is_err();
            match result {
                Ok(value) => {
                    state.ready.insert(index, value);
                }
                Err(panic) => {
                    state.panic.get_or_insert(panic);
                    state.stopped = true;
                }
            }
            drop(state);
            if awaited {
                self.result_ready.notify_one();
            }
        }
    }

    /// The next item to compute, waiting while the window ahead of the sink is full.
    fn take(&self) -> Option<(usize, I::Item)> {
        let mut state = self.lock();
        loop {
            if state.stopped || state.len.is_some() {
                return None;
            }
            if state.next < state.drained + self.window {
                let index = state.next;
                match state.items.next() {
                    Some(item) => {
                        state.next += 1;
                        return Some((index, item));
                    }
                    None => {
                        state.len = Some(index);
                        drop(state);
                        self.result_ready.notify_one();
                        return None;
                    }
                }
            }
            state.waiting += 1;
            state = Self::wait(&self.room, state);
            state.waiting -= 1;
        }
    }

    /// Hands every result to `sink` in order; a worker's panic goes on here.
    fn drain<E>(&self, sink: &mut impl FnMut(R) -> Result<(), E>) -> Result<(), E> {
        let mut index = 0;
        loop {
            let value = {
                let mut state = self.lock();
                loop {
                    if let Some(panic) = state.panic.take() {
                        drop(state);
                        std::panic::resume_unwind(panic);
                    }
                    if let Some(value) = state.ready.remove(&index) {
                        state.drained = index + 1;
                        if state.waiting > 0 {
                            self.room.notify_one();
                        }
                        break value;
                    }
                    if state.len.is_some_and(|len| index >= len) {
                        return Ok(());
                    }
                    state = Self::wait(&self.result_ready, state);
                }
            };
            sink(value)?;
            index += 1;
        }
    }

    /// Tells the workers to take no more items.
    fn stop(&self) {
        self.lock().stopped = true;
        self.room.notify_all();
    }
}

/// `items` in consecutive groups of `size` (the last may be smaller).
pub fn groups<I: Iterator>(mut items: I, size: usize) -> impl Iterator<Item = Vec<I::Item>> {
    std::iter::from_fn(move || {
        let group: Vec<I::Item> = items.by_ref().take(size.max(1)).collect();
        (!group.is_empty()).then_some(group)
    })
}

/// The cores this process may use, asked once (the answer reads cgroup files).
fn cores() -> usize {
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn keeps_the_order_of_the_items() {
        let items: Vec<u32> = (0..1001).collect();
        let doubled = super::map(&items, |i| i * 2);
        assert_eq!(doubled, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        assert!(super::map(&Vec::<u32>::new(), |i| *i).is_empty());
    }

    #[test]
    fn streams_results_in_order_and_stops_at_the_first_error() {
        let items: Vec<u32> = (0..1001).collect();
        let mut seen = Vec::new();
        let all: Result<(), ()> = super::for_each_in_order(
            items.iter(),
            8,
            |i| i * 2,
            |r| {
                seen.push(r);
                Ok(())
            },
        );
        assert_eq!(all, Ok(()));
        assert_eq!(seen, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        let mut count = 0;
        let stopped = super::for_each_in_order(
            items.iter(),
            8,
            |i| *i,
            |r| {
                count += 1;
                if r == 500 {
                    Err(r)
                } else {
                    Ok(())
                }
            },
        );
        assert_eq!(stopped, Err(500));
        assert_eq!(count, 501);
    }

    #[test]
    fn a_panic_in_a_worker_goes_on_in_the_caller() {
        let items: Vec<u32> = (0..100).collect();
        let outcome = std::panic::catch_unwind(|| {
            super::for_each_in_order(
                items.iter(),
                4,
                |i| assert!(*i != 42, "item 42"),
                |_| Ok::<(), ()>(()),
            )
        });
        assert!(outcome.is_err());
    }
}
