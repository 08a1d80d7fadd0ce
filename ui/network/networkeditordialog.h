#pragma once

#include "lesson.h"
#include "networkbuilder.h"

#include <QDialog>

#include <variant>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;
class QUndoStack;

// Edits the shape of the lesson's network: hidden layers and their neurons, the activation
// of every layer, the loss, the bias mode, the initialisation and the seed. Every change is
// one command on the dialog's own undo stack; a change the size limits or the loss forbid
// is refused with a message and changes nothing. editedLesson() builds the result
// (NetworkBuilder); the window loads it through the worker.
class NetworkEditorDialog : public QDialog
{
    Q_OBJECT

public:
    explicit NetworkEditorDialog(const backprop::Lesson &lesson, QWidget *parent = nullptr);

    const backprop::NetworkDesign &design() const { return m_design; }
    std::variant<backprop::Lesson, QString> editedLesson() const;
    QUndoStack *undoStack() const { return m_undoStack; }
    QString message() const; // the last refusal, or empty

    // The edits the controls make; each returns false (with message()) when refused.
    bool addHiddenLayer();
    bool removeHiddenLayer(int layer);
    bool setNeuronCount(int layer, int neurons); // layer: index into design().layers
    bool setActivation(int layer, backprop::Activation activation);
    bool setLoss(backprop::Loss loss);
    bool setBiasMode(backprop::BiasMode mode);
    bool setInitialization(backprop::Initialization initialization);
    bool setSeed(std::uint64_t seed);

    // Used by the undo commands.
    void setDesign(const backprop::NetworkDesign &design);

signals:
    void refused(const QString &message);

public slots:
    void accept() override;

private:
    bool change(const QString &text, const backprop::NetworkDesign &changed);
    void refuse(const QString &message);
    void showDesign();
    int currentLayer() const;
    QString layerTitle(int layer) const;

    backprop::Lesson m_lesson;
    backprop::NetworkDesign m_design;
    QUndoStack *m_undoStack = nullptr;
    QListWidget *m_layers = nullptr;
    QSpinBox *m_neurons = nullptr;
    QComboBox *m_activation = nullptr;
    QComboBox *m_loss = nullptr;
    QComboBox *m_biasMode = nullptr;
    QComboBox *m_initialization = nullptr;
    QLineEdit *m_seed = nullptr;
    QLabel *m_summary = nullptr;
    QLabel *m_message = nullptr;
    bool m_showing = false;
};
