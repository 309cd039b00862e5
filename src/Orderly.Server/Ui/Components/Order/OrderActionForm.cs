using Orderly.Application.Sales;
using Orderly.Domain.Sales;

namespace Orderly.Server.Ui.Components.Order;

/// <summary>
/// What the order page's action form posts (fields <c>Form.*</c>): the button pressed (<see cref="Act"/>, an action name
/// of <c>allowedActions</c>), the version the page showed (sent as If-Match), and what the commands read — a reason or
/// note, the quantities to ship per line, a payment's amount and reference.
/// </summary>
public sealed class OrderActionForm
{
    public string? Act { get; set; }
    public int Version { get; set; }
    public string? Reason { get; set; }
    public decimal? Amount { get; set; }
    public string? Reference { get; set; }
    public List<ShipQuantity> Ship { get; set; } = [];

    /// <summary>The command's body: the quantities only for ship (lines left at 0 do not ship), the payment only for record-payment.</summary>
    public OrderCommandRequest Request(OrderCommand command) => new(
        Reason: string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim(),
        Lines: command == OrderCommand.Ship ? Ship.Where(s => s.Quantity is > 0).Select(s => new ShipLineRequest(s.LineNo, s.Quantity!.Value)).ToList() : null,
        Amount: command == OrderCommand.RecordPayment ? Amount : null,
        Reference: command == OrderCommand.RecordPayment && !string.IsNullOrWhiteSpace(Reference) ? Reference.Trim() : null);

    /// <summary>A line's quantity to ship, in the line's unit.</summary>
    public sealed class ShipQuantity
    {
        public int LineNo { get; set; }
        public decimal? Quantity { get; set; }
    }
}
