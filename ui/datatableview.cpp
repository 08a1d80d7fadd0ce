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
}
