using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Orderly.Application.Sales;
using Orderly.Domain.Sales;
using Orderly.Server.Ui;

namespace Orderly.Server.Tests.Ui;

/// <summary>The UI's texts (issue 12: Simplified Chinese and English): every text in both languages with the same placeholders, and a text for every status and action the pages name.</summary>
public sealed partial class UiTextTests
{
    private static readonly ResourceManager Texts = new("Orderly.Server.Ui.Text", typeof(Text).Assembly);

    private static Dictionary<string, string> In(string culture) =>
        Texts.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void Every_text_is_in_both_languages_with_the_same_placeholders()
    {
        var english = In("");
        var chinese = In("zh-CN");

        english.Keys.Order().ShouldBe(chinese.Keys.Order());
        foreach (var (key, text) in english)
            Placeholders(chinese[key]).ShouldBe(Placeholders(text), $"'{key}': the Chinese text fills the same places");
        chinese.Where(t => t.Value == english[t.Key] && t.Value.Any(char.IsAsciiLetterLower)).Select(t => t.Key).ShouldBeEmpty("a text left untranslated");
    }

    [Fact]
    public void Every_order_status_customer_status_and_command_the_pages_show_has_a_text()
    {
        var english = In("");
        foreach (var status in Enum.GetNames<OrderStatus>()) english.ShouldContainKey("status." + status);
        foreach (var command in OrderCommands.Invocable.Append(OrderCommand.Edit)) english.ShouldContainKey("action." + command.ToActionName());
        foreach (var status in Enum.GetValues<CustomerStatus>()) english.ShouldContainKey("cstatus." + status.ToName());
        english.ShouldContainKey("cstatus.delivery-date-moved");
    }

    private static string[] Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value).Distinct().Order()];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
