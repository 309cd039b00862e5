namespace Orderly.Domain.Workflow;

/// <summary>
/// A step of an order's journey that a department owns (issue 11; <c>../shared/DOMAIN.md</c>, "The order's journey", and
/// seeds 000/001/003). Which steps an order has open is derived from its state in <see cref="StepOwnership.Table"/>;
/// <see cref="ResolveException"/> is the work an exception makes (<c>order_exceptions</c>), not a step of the journey.
/// Stored and named in the API by <see cref="StepNames.ToName"/> (<c>confirm-with-customer</c>).
/// </summary>
public enum OrderStep
{
    /// <summary>Sales enters or completes the order (Draft) and submits it.</summary>
    Enter,
    /// <summary>Review checks completeness, price and discount, and decides a price or manual hold.</summary>
    Review,
    /// <summary>Finance decides a credit hold: approve against the limit, or ask for payment.</summary>
    CreditReview,
    /// <summary>Sales corrects the order's data (a data hold: missing or wrong terms) and edits it.</summary>
    CorrectData,
    /// <summary>Sales confirms the approved order with the customer (and agrees a date on a delivery hold).</summary>
    ConfirmWithCustomer,
    /// <summary>The warehouse reserves stock for the confirmed lines not yet tried.</summary>
    Reserve,
    /// <summary>Procurement secures supply for backordered quantity (purchase orders, supplier confirmations).</summary>
    Procure,
    /// <summary>The warehouse picks, packs and ships the reserved quantity.</summary>
    Ship,
    /// <summary>Finance invoices what has shipped.</summary>
    Invoice,
    /// <summary>Finance collects the open invoices (payments, dunning).</summary>
    CollectPayment,
    /// <summary>Order administration closes the paid order.</summary>
    Close,
    /// <summary>The responsible department resolves an exception raised on the order.</summary>
    ResolveException,
}

/// <summary>The names steps carry in the API, the tables and the docs.</summary>
public static class StepNames
{
    /// <summary>Kebab case: <c>credit-review</c>, <c>confirm-with-customer</c>.</summary>
    public static string ToName(this OrderStep step) => KebabNames.ToName(step);

    /// <summary>The step named <paramref name="name"/> (case-insensitive), or false.</summary>
    public static bool TryParse(string? name, out OrderStep step) => KebabNames.TryParse(name, out step);

    /// <summary>Every step's name, for refusals that list what is allowed.</summary>
    public static string Names => KebabNames.Names<OrderStep>();
}
