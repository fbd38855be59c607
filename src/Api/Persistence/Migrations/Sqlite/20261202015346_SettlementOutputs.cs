using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compensation.Api.Persistence.Migrations.Sqlite
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
                    RunId = table.Column<long>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ContentEncoding = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
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
            migrationBuilder.Sql(@"INSERT INTO settlement_outputs (""RunId"", ""Content"", ""ContentEncoding"") SELECT ""Id"", CAST(""ResultJson"" AS BLOB), 'identity' FROM settlement_runs;");

            // SQLite drops a column in place (3.35 and later) within the migration's transaction; the rebuild that
            // DropColumn would make switches foreign keys off, which cannot happen inside a transaction.
            migrationBuilder.Sql(@"ALTER TABLE settlement_runs DROP COLUMN ""ResultJson"";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Outputs saved gzip-encoded cannot be decoded here: undoing is refused while there are any, so that none is lost.
            migrationBuilder.Sql(@"CREATE TEMP TABLE compensation_undo_guard (gzip_outputs INTEGER NOT NULL CHECK (gzip_outputs = 0)); INSERT INTO compensation_undo_guard SELECT COUNT(*) FROM settlement_outputs WHERE ""ContentEncoding"" <> 'identity'; DROP TABLE compensation_undo_guard;");

            migrationBuilder.AddColumn<string>(
                name: "ResultJson",
                table: "settlement_runs",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.Sql(@"UPDATE settlement_runs SET ""ResultJson"" = (SELECT CAST(o.""Content"" AS TEXT) FROM settlement_outputs o WHERE o.""RunId"" = settlement_runs.""Id"");");

            migrationBuilder.DropTable(
                name: "settlement_outputs");
        }
    }
}
