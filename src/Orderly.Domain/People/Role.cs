namespace Orderly.Domain.People;

/// <summary>
/// What a user may be: one of the departments of <c>../shared/DOMAIN.md</c> ("Who uses it"), or an outside party linked
/// to its customer record. A user holds one or more roles; permissions are granted to roles, never to people.
/// </summary>
public enum Role
{
    /// <summary>销售: receives, enters and edits orders, submits them, confirms details with the customer.</summary>
    Sales,
    /// <summary>审核: checks completeness, price and credit; approves, rejects, holds and releases.</summary>
    Review,
    /// <summary>订单管理员: owns the whole flow; may run every command and reassign work.</summary>
    OrderAdministration,
    /// <summary>采购: stock against demand, purchase orders, receipts from suppliers.</summary>
    Procurement,
    /// <summary>生产: make-to-order work and quality inspection.</summary>
    Production,
    /// <summary>仓储: stock, reservations, picking, packing and shipping.</summary>
    Warehouse,
    /// <summary>物流: carriers, transport and tracking until delivery.</summary>
    Logistics,
    /// <summary>财务: invoices, payments, reconciliation.</summary>
    Finance,
    /// <summary>售后: complaints, returns, customer records.</summary>
    AfterSales,
    /// <summary>管理: rules, SLAs, KPIs; reads everything.</summary>
    Management,
    /// <summary>System administration: users, roles, tokens, settings.</summary>
    SystemAdministration,
    /// <summary>A customer's user: sees and orders only for its own customer record.</summary>
    Customer,
    /// <summary>A dealer's user: like a customer, for the dealer's own customer record.</summary>
    Dealer,
}

/// <summary>The names roles carry in tokens, claims, the API and the docs: <c>order-administration</c> for
/// <see cref="Role.OrderAdministration"/>.</summary>
public static class RoleNames
{
    public static string ToName(this Role role) => role switch
    {
        Role.OrderAdministration => "order-administration",
        Role.AfterSales => "after-sales",
        Role.SystemAdministration => "system-administration",
        _ => role.ToString().ToLowerInvariant(),
    };

    /// <summary>The role named <paramref name="name"/> (case-insensitive), or false when no role has that name.</summary>
    public static bool TryParse(string name, out Role role)
    {
        foreach (var candidate in Enum.GetValues<Role>())
        {
            if (string.Equals(candidate.ToName(), name, StringComparison.OrdinalIgnoreCase))
            {
                role = candidate;
                return true;
            }
        }
        role = default;
        return false;
    }

    /// <summary>Roles of people outside the company, who see only what belongs to their own customer record.</summary>
    public static bool IsOutsideParty(this Role role) => role is Role.Customer or Role.Dealer;

    /// <summary>Whether the role is a department that has work queues (issue 11): neither an outside party nor system administration.</summary>
    public static bool HasWorkQueue(this Role role) => !role.IsOutsideParty() && role != Role.SystemAdministration;
}
