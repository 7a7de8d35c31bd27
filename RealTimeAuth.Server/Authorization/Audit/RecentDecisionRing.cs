using Microsoft.Extensions.Options;

namespace RealTimeAuth.Server.Authorization.Audit;

/// <summary>
/// The last <see cref="DecisionAuditOptions.RecentDecisions"/> decisions of this replica, oldest overwritten first, each
/// bounded by <see cref="RecentDecisionBudget"/>.
/// </summary>
public sealed class RecentDecisionRing(IOptions<DecisionAuditOptions> options)
{
    private readonly RecentDecision?[] _items = new RecentDecision?[options.Value.RecentDecisions];
    private readonly int _maxPropertyChars = options.Value.RecentPropertyChars;
    private readonly Lock _lock = new();
    private long _next;

    public void Add(RecentDecision decision)
    {
        if (_items.Length == 0)
        {
            return;
        }

        var bounded = RecentDecisionBudget.Bound(decision, _maxPropertyChars);
        lock (_lock)
        {
            _items[_next++ % _items.Length] = bounded;
        }
    }

    /// <summary>The kept decisions, oldest first.</summary>
    public IReadOnlyList<RecentDecision> Snapshot()
    {
        lock (_lock)
        {
            var count = (int)Math.Min(_next, _items.Length);
            var result = new List<RecentDecision>(count);
            for (var i = _next - count; i < _next; i++)
            {
                result.Add(_items[i % _items.Length]!);
            }

            return result;
        }
    }
}
