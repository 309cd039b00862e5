namespace Orderly.Domain.Sales;

/// <summary>
/// The review holds approvals have overridden on an order since it was last edited, kept as the hold reasons' names
/// separated by commas ("Price,Credit"). An approval answers one hold (the department that approves takes the risk of
/// its own rule), so only findings of an overridden reason stop holding the order; every other review rule still does
/// when it is evaluated again (issue #8, item 2).
/// </summary>
public static class HoldOverrides
{
    /// <summary><paramref name="overrides"/> with <paramref name="answered"/> added; a manual hold is no review rule, so it adds nothing.</summary>
    public static string Add(string overrides, HoldReason answered) =>
        answered == HoldReason.Manual || Parse(overrides).Contains(answered)
            ? overrides
            : string.Join(",", Parse(overrides).Append(answered).Order());

    /// <summary>The findings of <paramref name="review"/> that no approval in <paramref name="overrides"/> has answered.</summary>
    public static IReadOnlyList<ReviewFinding> Outstanding(IReadOnlyList<ReviewFinding> review, string overrides)
    {
        var answered = Parse(overrides);
        return review.Where(f => !answered.Contains(f.Reason)).ToList();
    }

    private static IReadOnlyList<HoldReason> Parse(string overrides) =>
        overrides.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<HoldReason>).ToList();
}
