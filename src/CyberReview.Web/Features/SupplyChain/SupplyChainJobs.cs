using System.Threading.Channels;

namespace CyberReview.Web.Features.SupplyChain;

/// <summary>Work for the supply-chain worker: analyse one attached SBOM, or re-match published versions after an import.</summary>
public abstract record SupplyChainJob
{
    private SupplyChainJob() { }

    public sealed record Analyse(Guid SbomId) : SupplyChainJob;

    public sealed record Rematch(IReadOnlyList<string> ChangedAdvisories) : SupplyChainJob;
}

/// <summary>
/// The queue between the requests that attach SBOMs or import advisories and <see cref="SupplyChainWorker"/>. It counts
/// the jobs not yet finished, so that a caller (a test, an operator's health probe) can wait until all are done
/// instead of guessing how long they take.
/// </summary>
public sealed class SupplyChainJobs
{
    private readonly Channel<SupplyChainJob> _channel = Channel.CreateUnbounded<SupplyChainJob>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _gate = new();
    private int _pending;
    private TaskCompletionSource _idle = Idle();

    public ChannelReader<SupplyChainJob> Reader => _channel.Reader;

    public void Enqueue(SupplyChainJob job)
    {
        lock (_gate)
        {
            if (_pending++ == 0)
                _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        _channel.Writer.TryWrite(job);
    }

    /// <summary>The worker has finished a job, whether it succeeded or not.</summary>
    public void Finished()
    {
        lock (_gate)
        {
            if (--_pending == 0)
                _idle.TrySetResult();
        }
    }

    /// <summary>Completes when every job queued so far (and any they queued) is finished.</summary>
    public Task DrainAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return _idle.Task.WaitAsync(cancellationToken);
    }

    private static TaskCompletionSource Idle()
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        idle.SetResult();
        return idle;
    }
}
