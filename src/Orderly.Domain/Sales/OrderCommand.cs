namespace Orderly.Domain.Sales;

/// <summary>Everything that can happen to a sales order. <see cref="Review"/> is fired by the system, never by a user.</summary>
public enum OrderCommand
{
    Edit,
    Submit,
    Review,
    Approve,
    Reject,
    Hold,
    Release,
    Confirm,
    Reserve,
    Ship,
    Invoice,
    RecordPayment,
    Close,
    Cancel,
}

public static class OrderCommandNames
{
    /// <summary>The name used in URLs and in <c>allowedActions</c>: <c>record-payment</c> for <see cref="OrderCommand.RecordPayment"/>.</summary>
    public static string ToActionName(this OrderCommand command) => command switch
    {
        OrderCommand.RecordPayment => "record-payment",
        _ => command.ToString().ToLowerInvariant(),
    };

    public static bool TryParseAction(string action, out OrderCommand command)
    {
        foreach (var candidate in Enum.GetValues<OrderCommand>())
        {
            if (string.Equals(candidate.ToActionName(), action, StringComparison.OrdinalIgnoreCase))
            {
                command = candidate;
                return true;
            }
        }
        command = default;
        return false;
    }
}
