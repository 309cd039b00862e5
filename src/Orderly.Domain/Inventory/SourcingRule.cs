using Orderly.Domain.Common;

namespace Orderly.Domain.Inventory;

/// <summary>How a line's quantity is spread over warehouses. Chosen in configuration (<c>Orderly:Sourcing</c>).</summary>
public enum SourcingStrategy
{
    /// <summary>The warehouse that can fill the most of the line, then the customer's preferred, then the lowest priority number; split only when no single warehouse can fill it.</summary>
    FillMost,

    /// <summary>Warehouses strictly by priority number (lowest first), taking what each has.</summary>
    Priority,
}

/// <summary>A warehouse as sourcing sees it at one moment.</summary>
public sealed record SourcingCandidate(WarehouseId WarehouseId, string Code, int Priority, decimal Available);

/// <summary>Take <see cref="Quantity"/> from a warehouse, and the reason, written for the person who asks "why there?".</summary>
public sealed record SourcingStep(WarehouseId WarehouseId, string Code, decimal Quantity, string Reason);

/// <summary>
/// Decides where a line's stock comes from and says why. Pure: the caller reserves each step atomically in the
/// database and re-plans the remainder if a step got less than planned (stock taken concurrently).
/// </summary>
public static class SourcingRule
{
    public static IReadOnlyList<SourcingStep> Plan(decimal needed, IReadOnlyList<SourcingCandidate> candidates, WarehouseId? preferred,
        SourcingStrategy strategy)
    {
        var steps = new List<SourcingStep>();
        var stock = candidates.Where(c => c.Available > 0).ToList();
        var open = needed;
        var fullFillers = stock.Count(c => c.Available >= needed);
        while (open > 0 && stock.Count > 0)
        {
            var next = Order(stock, open, preferred, strategy).First();
            var take = Math.Min(open, next.Available);
            steps.Add(new SourcingStep(next.WarehouseId, next.Code, take, Explain(next, take, open, needed, fullFillers, stock, preferred, strategy)));
            stock.Remove(next);
            open -= take;
        }
        return steps;
    }

    private static IEnumerable<SourcingCandidate> Order(List<SourcingCandidate> stock, decimal open, WarehouseId? preferred, SourcingStrategy strategy) =>
        strategy == SourcingStrategy.Priority
            ? stock.OrderBy(c => c.Priority).ThenBy(c => c.Code, StringComparer.Ordinal)
            : stock.OrderByDescending(c => Math.Min(c.Available, open))
                .ThenBy(c => c.WarehouseId == preferred ? 0 : 1)
                .ThenBy(c => c.Priority)
                .ThenBy(c => c.Code, StringComparer.Ordinal);

    private static string Explain(SourcingCandidate chosen, decimal take, decimal open, decimal needed, int fullFillers,
        List<SourcingCandidate> stock, WarehouseId? preferred, SourcingStrategy strategy)
    {
        var others = stock.Where(c => c != chosen).Select(c => $"{c.Code} {c.Available}").ToList();
        var compared = others.Count == 0 ? "no other warehouse has stock" : $"others had {string.Join(", ", others)}";
        if (strategy == SourcingStrategy.Priority)
            return $"{chosen.Code} has the lowest priority number ({chosen.Priority}) among warehouses with stock; took {take} of {open} open ({compared}).";
        if (take == needed)
        {
            var why = fullFillers == 1 ? "the only warehouse that can fill the whole line"
                : chosen.WarehouseId == preferred ? "the customer's preferred warehouse, and it can fill the whole line"
                : $"it can fill the whole line and has the lowest priority number ({chosen.Priority}) of the {fullFillers} that can";
            return $"{chosen.Code}: {why}; took all {take} ({compared}).";
        }
        return $"No single warehouse could fill all {needed}, so the line is split; {chosen.Code} can fill the most of the {open} still open " +
               $"({chosen.Available} available{(chosen.WarehouseId == preferred ? ", customer's preferred" : "")}); took {take} ({compared}).";
    }
}
