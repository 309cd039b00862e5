using Orderly.Domain.People;
using Orderly.Domain.Procurement;
using Orderly.Domain.Sales;

namespace Orderly.Domain.Tests.People;

/// <summary>What <see cref="PermissionTable"/> grants, as issue 10 and ADR 0021 say it should.</summary>
public sealed class PermissionTableTests
{
    private static bool May(Role role, Permission permission) => permission.IsHeldByAny([role]);

    [Fact]
    public void Every_order_command_but_the_systems_review_has_a_row_named_after_its_action()
    {
        foreach (var command in Enum.GetValues<OrderCommand>().Where(c => c != OrderCommand.Review))
            PermissionTable.For(command).ShouldNotBeNull($"{command} has no row in PermissionTable").Name.ShouldBe("orders." + command.ToActionName());
        PermissionTable.For(OrderCommand.Review).ShouldBeNull("review is fired by the system on submit, not by a person");
    }

    [Fact]
    public void Every_purchase_order_command_has_a_row_named_after_its_action()
    {
        foreach (var command in Enum.GetValues<PurchaseOrderCommand>())
            PermissionTable.For(command).Name.ShouldBe("purchase-orders." + command.ToActionName());
    }

    [Fact]
    public void Order_administration_may_run_every_order_command_and_every_change_of_the_business()
    {
        foreach (var command in Enum.GetValues<OrderCommand>().Where(c => c != OrderCommand.Review))
            May(Role.OrderAdministration, PermissionTable.For(command)!).ShouldBeTrue(command.ToString());
        foreach (var permission in PermissionTable.All.Where(p => p.Changes && !p.Roles.SequenceEqual([Role.SystemAdministration])))
            May(Role.OrderAdministration, permission).ShouldBeTrue(permission.Name);
    }

    [Fact]
    public void Review_may_approve_reject_hold_and_release_but_not_ship()
    {
        foreach (var command in new[] { OrderCommand.Approve, OrderCommand.Reject, OrderCommand.Hold, OrderCommand.Release })
            May(Role.Review, PermissionTable.For(command)!).ShouldBeTrue(command.ToString());
        May(Role.Review, PermissionTable.OrdersShip).ShouldBeFalse();
        May(Role.Review, PermissionTable.OrdersReserve).ShouldBeFalse();
    }

    [Fact]
    public void Warehouse_may_reserve_and_ship_but_not_approve()
    {
        May(Role.Warehouse, PermissionTable.OrdersReserve).ShouldBeTrue();
        May(Role.Warehouse, PermissionTable.OrdersShip).ShouldBeTrue();
        May(Role.Warehouse, PermissionTable.OrdersApprove).ShouldBeFalse();
        May(Role.Warehouse, PermissionTable.OrdersInvoice).ShouldBeFalse();
    }

    [Fact]
    public void Finance_invoices_records_payments_and_closes_but_does_not_ship()
    {
        May(Role.Finance, PermissionTable.OrdersInvoice).ShouldBeTrue();
        May(Role.Finance, PermissionTable.OrdersRecordPayment).ShouldBeTrue();
        May(Role.Finance, PermissionTable.OrdersClose).ShouldBeTrue();
        May(Role.Finance, PermissionTable.OrdersShip).ShouldBeFalse();
    }

    [Fact]
    public void Sales_enters_edits_submits_and_confirms_but_does_not_approve_its_own_orders()
    {
        foreach (var permission in new[] { PermissionTable.OrdersCreate, PermissionTable.OrdersEdit, PermissionTable.OrdersSubmit, PermissionTable.OrdersConfirm })
            May(Role.Sales, permission).ShouldBeTrue(permission.Name);
        May(Role.Sales, PermissionTable.OrdersApprove).ShouldBeFalse();
    }

    [Fact]
    public void Management_reads_everything_and_changes_only_the_workflow_rules()
    {
        foreach (var permission in PermissionTable.All)
            May(Role.Management, permission).ShouldBe(!permission.Changes || permission == PermissionTable.WorkflowManage, permission.Name);
    }

    [Fact]
    public void Customers_and_dealers_create_orders_and_read_only()
    {
        foreach (var outside in new[] { Role.Customer, Role.Dealer })
        {
            var held = PermissionTable.HeldBy([outside]);
            held.Where(p => p.Changes).ShouldBe([PermissionTable.OrdersCreate]);
            held.ShouldContain(PermissionTable.OrdersRead);
            held.ShouldNotContain(PermissionTable.CustomersRead, "credit limits are not theirs to read");
        }
    }

    [Fact]
    public void Only_system_administration_manages_users_and_webhooks()
    {
        PermissionTable.UsersManage.Roles.ShouldBe([Role.SystemAdministration]);
        PermissionTable.WebhooksManage.Roles.ShouldBe([Role.SystemAdministration]);
    }

    [Fact]
    public void Names_are_unique_dotted_and_lower_case()
    {
        PermissionTable.All.Select(p => p.Name).ShouldBeUnique();
        foreach (var permission in PermissionTable.All)
            permission.Name.ShouldMatch(@"^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$");
        PermissionTable.OrdersApprove.RefusalCode.ShouldBe("permission.orders.approve");
    }

    [Fact]
    public void A_caller_with_no_role_holds_nothing() => PermissionTable.HeldBy([]).ShouldBeEmpty();
}
