#include "racetable.h"

#include "numberformat.h"
#include "theme.h"

#include <QHeaderView>
#include <QLocale>

using namespace backprop;

RaceTable::RaceTable(QWidget *parent) : QTableWidget(0, ColumnCount, parent)
{
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus); // Space and R belong to the race window
    verticalHeader()->hide();
    // Fitted to the contents once per frame (setFrame), not after each of its 25 cells.
    horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    horizontalHeader()->setStretchLastSection(true);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
}

void RaceTable::setFrame(const RaceFrame &frame)
{
    const QStringList headers {
        tr("racer"), tr("E_total now"),
        tr("iteration with E_total ≤ %1").arg(NumberFormat::shown(frame.threshold)),
        QString::fromStdString(frame.nameA), QString::fromStdString(frame.nameB)};
    // Only when they change: new header items make the header lay itself out again.
    if (headers != m_headers) {
        m_headers = headers;
        setHorizontalHeaderLabels(headers);
    }
    if (rowCount() != static_cast<int>(frame.racers.size()))
        setRowCount(static_cast<int>(frame.racers.size()));
    const auto set = [this](int row, int column, const QString &text) {
        QTableWidgetItem *cell = item(row, column);
        if (!cell) {
            cell = new QTableWidgetItem;
            cell->setTextAlignment(column == Racer ? Qt::AlignLeft | Qt::AlignVCenter
                                                   : Qt::AlignRight | Qt::AlignVCenter);
            setItem(row, column, cell);
        }
        cell->setText(text);
    };
    for (int row = 0; row < rowCount(); ++row) {
        const RacerFrame &racer = frame.racers[static_cast<std::size_t>(row)];
        set(row, Racer, QString::fromStdString(racer.label));
        if (item(row, Racer)->foreground().color() != Theme::racerColor(row))
            item(row, Racer)->setForeground(Theme::racerColor(row));
        QString error = NumberFormat::shown(racer.error);
        if (!racer.fault.empty())
            error += tr(" (stopped: %1)").arg(QString::fromStdString(racer.fault));
        set(row, ErrorNow, error);
        // The lesson's iteration number (1-based), as on the loss plot's axis: the race's own
        // count when it started at the lesson's beginning.
        set(row, Reached, racer.reachedAt ? QLocale().toString(*racer.reachedAt) : tr("not yet"));
        set(row, ValueA, NumberFormat::shown(racer.valueA));
        set(row, ValueB, NumberFormat::shown(racer.valueB));
    }
    for (int column = 0; column + 1 < ColumnCount; ++column) // the last one stretches
        resizeColumnToContents(column);
    // Every racer's row shows, without scrolling.
    int height = horizontalHeader()->height() + 2 * frameWidth();
    for (int row = 0; row < rowCount(); ++row)
        height += rowHeight(row);
    setFixedHeight(height);
}
