using System.Text;
using Orderly.Domain.People;
using Orderly.Domain.Workflow;

namespace Orderly.Domain.Tests.Workflow;

public sealed class ExceptionRulesTests
{
    [Fact]
    public void Every_exception_type_has_one_owning_department_that_is_not_an_outside_party()
    {
        foreach (var type in Enum.GetValues<ExceptionType>())
        {
            ExceptionRules.Owners.Count(o => o.Type == type).ShouldBe(1, type.ToString());
            ExceptionRules.DepartmentOf(type).IsOutsideParty().ShouldBeFalse(type.ToString());
        }
    }

    [Fact]
    public void A_worse_exception_has_less_time_to_be_resolved()
    {
        var minutes = Enum.GetValues<ExceptionSeverity>().Select(ExceptionRules.ResolveMinutes).ToList();
        minutes.ShouldBeInOrder(SortDirection.Descending);
        minutes.Distinct().Count().ShouldBe(minutes.Count);
    }

    [Theory]
    [InlineData("late-supplier", ExceptionType.LateSupplier)]
    [InlineData("Customer-Complaint", ExceptionType.CustomerComplaint)]
    [InlineData(" sla-breach ", ExceptionType.SlaBreach)]
    public void Types_read_by_their_kebab_names(string name, ExceptionType type)
    {
        KebabNames.TryParse(name, out ExceptionType parsed).ShouldBeTrue();
        parsed.ShouldBe(type);
        KebabNames.TryParse("late_supplier", out ExceptionType _).ShouldBeFalse();
    }

    [Fact]
    public void Doc_ShowsTheCurrentExceptionTable() => GeneratedDocs.ShouldBe("docs/workflow/exceptions.md", Document(), "ExceptionRules");

    private static string Document()
    {
        var text = new StringBuilder("# Exceptions and who resolves them\n\n")
            .Append("<!-- Generated from ExceptionRules (src/Orderly.Domain/Workflow/OrderExceptionKinds.cs). Regenerate: ").Append(GeneratedDocs.Regenerate).Append(" -->\n\n")
            .Append("Raising an exception on an order (`POST /api/orders/{id}/exceptions`) opens a `resolve-exception` work item for the owning department ")
            .Append("(the raiser may name another), timed by the severity. See [workflow.md](workflow.md).\n\n")
            .Append("| type | resolved by | because | raised automatically by |\n| --- | --- | --- | --- |\n");
        foreach (var o in ExceptionRules.Owners)
            text.Append($"| `{KebabNames.ToName(o.Type)}` | {o.Department.ToName()} | {o.Why} | {(o.RaisedAutomatically.Length > 0 ? o.RaisedAutomatically : "—")} |\n");
        text.Append("\n| severity | working minutes to resolve |\n| --- | --: |\n");
        foreach (var s in Enum.GetValues<ExceptionSeverity>()) text.Append($"| `{KebabNames.ToName(s)}` | {ExceptionRules.ResolveMinutes(s).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} |\n");
        return text.ToString();
    }
}
