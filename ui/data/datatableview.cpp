#include "datatableview.h"

#include "datatablemodel.h"
#include "theme.h"

#include <QAction>
#include <QHeaderView>
#include <QKeyEvent>

DataTableView::DataTableView(QWidget *parent)
    : QTableView(parent), m_model(new DataTableModel(this))
{
    setModel(m_model);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    setAlternatingRowColors(false); // the batch highlight is the only row colour
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    applyFont();
    createEditActions();
    connect(this, &QTableView::pressed, this, &DataTableView::chooseCurrentRow);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DataTableView::showColumns);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DataTableView::showRows);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &DataTableView::showRows);
}

// On a projector the rows that matter: the current batch and the explained sample (the
// totals sum the error columns it leaves out). Larger data sets than a class reads keep
// every row rather than walk them at each step.
void DataTableView::showRows()
{
    constexpr int largestFiltered = 10000;
    const bool filter = Theme::minimumFontPixels() > 0 && m_model->rowCount() <= largestFiltered;
    if (!filter && !m_hidesRows)
        return;
    m_hidesRows = filter;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const bool matters =
            row != m_model->totalRow() && (m_model->isInBatch(row) || m_model->isExplained(row));
        setRowHidden(row, filter && !matters);
    }
}

// On a projector (a type floor is set) the table keeps the columns that matter, inputs,
// targets and outputs, in type the back row reads; the errors are on the drawing's output
// neurons (E_o1, …) and in the status line.
void DataTableView::showColumns()
{
    using Kind = DataTableModel::ColumnKind;
    const bool isPresenting = Theme::minimumFontPixels() > 0;
    for (int column = 0; column < m_model->columnCount(); ++column) {
        const Kind kind = m_model->columnKind(column);
        setColumnHidden(column,
                        isPresenting && (kind == Kind::AbsoluteError || kind == Kind::LossTerm));
    }
}

void DataTableView::chooseCurrentRow()
{
    const int row = currentIndex().row();
    if (row >= 0 && row < m_model->totalRow())
        emit sampleChosen(row);
}

void DataTableView::keyPressEvent(QKeyEvent *event)
{
    const int before = currentIndex().row();
    QTableView::keyPressEvent(event);
    if (currentIndex().row() != before)
        chooseCurrentRow();
}

void DataTableView::createEditActions()
{
    m_duplicateSample = new QAction(tr("Add a copy of this sample"), this);
    m_duplicateSample->setShortcut(QKeySequence(Qt::Key_Insert));
    m_duplicateSample->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_duplicateSample->setStatusTip(tr("Insert a copy of the current sample below it, to edit"));
    m_removeSamples = new QAction(tr("Remove the selected samples"), this);
    m_removeSamples->setShortcut(QKeySequence(Qt::Key_Delete));
    m_removeSamples->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_removeSamples->setStatusTip(tr("Take the selected samples out of the data set"));
    addActions({m_duplicateSample, m_removeSamples});
    setContextMenuPolicy(Qt::ActionsContextMenu);

    connect(m_duplicateSample, &QAction::triggered, this,
            [this] { m_model->duplicateSample(currentIndex().row()); });
    connect(m_removeSamples, &QAction::triggered, this, [this] {
        QList<int> rows;
        for (const QModelIndex &index : selectionModel()->selectedRows())
            rows.append(index.row());
        if (rows.isEmpty() && currentIndex().isValid())
            rows.append(currentIndex().row());
        m_model->removeSamples(rows);
    });
}

void DataTableView::setScale(double scale)
{
    m_scale = Theme::clampScale(scale);
    applyFont();
}

void DataTableView::applyFont()
{
    const QFont font = Theme::font(baseFontPixelSize * m_scale);
    setFont(font);
    horizontalHeader()->setFont(font);
    verticalHeader()->setFont(font);
    showColumns();
    showRows();
}
