using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Compensation.Api.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PlanReadings : Migration
    {
        // Plan versions stored before the plans' readings were stated keep what their silent keys meant then
        // (PolicyReadings.Earlier, written out: a migration never changes with later code).
        private const string EarlierReadings = "{\"fees.cap.severity\":\"warning\",\"subsidy.pro_rata_join\":false,\"refunds.absence.min_weeks\":null,\"refunds.absence.min_service_days\":6,\"refunds.absence.refund_percent\":100,\"refunds.absence.with_per_lesson_hour_fees\":\"allowed\",\"refunds.surplus.split\":\"pro-rata\",\"refunds.surplus.subsidy_part\":\"refund-to-families\",\"refunds.surplus.share\":\"net-payable\",\"pay.lesson_hour_minutes\":60,\"pay.external_lessons\":\"also-lesson-pay\",\"pay.pool_fees\":\"billed\",\"pay.pool_deducts_award_reserve\":true,\"stipends.admin_duty_share.rounding\":\"whole-lessons\",\"stipends.admin_duty_share.base\":\"lesson-pay-and-breaks\",\"stipends.admin_duty_share.period\":\"month\",\"deductions.out_of_range\":\"clamp\",\"deductions.rules[].escalation.mode\":\"replace\"}";

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Readings",
                table: "plan_versions",
                type: "TEXT",
                nullable: false,
                defaultValue: EarlierReadings);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Readings",
                table: "plan_versions");
        }
    }
}
