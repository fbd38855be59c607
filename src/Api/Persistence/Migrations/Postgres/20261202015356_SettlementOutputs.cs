using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compensation.Api.Persistence.Migrations.Postgres
{
    /// <summary>Moves each run's result into settlement_outputs, so that finalising a run does not rewrite it; new outputs are stored gzip-encoded.</summary>
    public partial class SettlementOutputs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "settlement_outputs",
                columns: table => new
                {
                    RunId = table.Column<long>(type: "bigint", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    ContentEncoding = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_settlement_outputs", x => x.RunId);
                    table.ForeignKey(
                        name: "FK_settlement_outputs_settlement_runs_RunId",
                        column: x => x.RunId,
                        principalTable: "settlement_runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // Every saved settlement keeps its bytes as they were (the UTF-8 of the text, whose SHA-256 is the run's OutputSha256).
            migrationBuilder.Sql(@"INSERT INTO settlement_outputs (""RunId"", ""Content"", ""ContentEncoding"") SELECT ""Id"", convert_to(""ResultJson"", 'UTF8'), 'identity' FROM settlement_runs;");

            migrationBuilder.DropColumn(
                name: "ResultJson",
                table: "settlement_runs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Outputs saved gzip-encoded cannot be decoded here: undoing is refused while there are any, so that none is lost.
            migrationBuilder.Sql(@"DO $$ BEGIN IF EXISTS (SELECT 1 FROM settlement_outputs WHERE ""ContentEncoding"" <> 'identity') THEN RAISE EXCEPTION 'settlement outputs saved gzip-encoded cannot be moved back into settlement_runs; undoing SettlementOutputs would lose them'; END IF; END $$;");

            migrationBuilder.AddColumn<string>(
                name: "ResultJson",
                table: "settlement_runs",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql(@"UPDATE settlement_runs r SET ""ResultJson"" = convert_from(o.""Content"", 'UTF8') FROM settlement_outputs o WHERE o.""RunId"" = r.""Id"";");

            migrationBuilder.DropTable(
                name: "settlement_outputs");
        }
    }
}
